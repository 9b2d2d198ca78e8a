import KPlanCore

/// One change in the store's history, as a watch delivers it.
public struct StoreEvent: Sendable, Hashable {
    /// What happened to the key.
    public enum Kind: String, Sendable, Hashable {
        /// The key was created or overwritten.
        case put
        /// The key was deleted.
        case delete
    }

    /// The revision of the change.
    public var revision: Int64
    /// Put or delete.
    public var kind: Kind
    /// Which object.
    public var key: ResourceKey
    /// The value written by a put, or the last value before a delete.
    public var value: JSONValue
    /// The revision that created the object (equal to `revision` for a put that created it).
    public var createRevision: Int64

    /// Creates an event.
    public init(revision: Int64, kind: Kind, key: ResourceKey, value: JSONValue, createRevision: Int64) {
        self.revision = revision
        self.kind = kind
        self.key = key
        self.value = value
        self.createRevision = createRevision
    }

    /// Whether this put created the object (a watch's `ADDED` rather than `MODIFIED`).
    public var isCreation: Bool {
        kind == .put && createRevision == revision
    }
}
