/// Why evaluation stopped without a value.
enum CELEvalError: Error, Sendable {
    /// An error value in CEL's sense: `&&`, `||` and the `all`/`exists` macros may absorb it.
    case failure(String)
    /// The step budget ran out; never absorbed.
    case budgetExhausted(Int)

    /// The message a user sees.
    var message: String {
        switch self {
        case .failure(let message): message
        case .budgetExhausted(let limit): "evaluation budget of \(limit) steps exhausted"
        }
    }
}
