/// A group and kind, without version: what scope, served versions and ApplySet membership are keyed by.
public struct GroupKind: Hashable, Sendable {
    /// The API group (`""` for core).
    public var group: String
    /// The kind.
    public var kind: String

    /// Creates a group and kind.
    public init(group: String, kind: String) {
        self.group = group
        self.kind = kind
    }
}

extension GroupVersionKind {
    /// The group and kind, without the version.
    public var groupKind: GroupKind { GroupKind(group: group, kind: kind) }
}
