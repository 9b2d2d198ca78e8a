/// The result of evaluating a validation rule against a value.
public enum CELOutcome: Sendable, Hashable {
    /// The rule evaluated to `true`.
    case passed
    /// The rule evaluated to `false`.
    case failed
    /// The rule could not be evaluated (a missing field, a type mismatch, overflow, budget exhausted,
    /// or a result that is not a boolean).
    case error(String)
}
