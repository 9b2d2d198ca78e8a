/// What applying a plan does to one object.
///
/// | action    | before        | after                          |
/// |-----------|---------------|--------------------------------|
/// | create    | nil           | the object as it would be stored |
/// | update    | the live object | the object as it would be stored |
/// | delete    | the live object | nil                          |
/// | unchanged | the live object | the same, as a dry run returned it |
public enum PlanAction: String, Sendable, Hashable, CaseIterable, Codable {
    case create
    case update
    case delete
    case unchanged
}
