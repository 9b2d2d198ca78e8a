/// A group and kind, without version: what scope and served versions are keyed by.
struct GroupKind: Hashable, Sendable {
    /// The API group (`""` for core).
    var group: String
    /// The kind.
    var kind: String
}
