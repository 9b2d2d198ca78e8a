import KPlanCore

/// One object as the store holds it, with the revisions of its creation and last write (etcd's
/// `create_revision` and `mod_revision`).
public struct StoredObject: Sendable, Hashable {
    /// Which object.
    public var key: ResourceKey
    /// Its content.
    public var value: JSONValue
    /// The revision that created it (since it last did not exist).
    public var createRevision: Int64
    /// The revision of its last write; the API server's `resourceVersion`.
    public var modRevision: Int64

    /// Creates a stored object.
    public init(key: ResourceKey, value: JSONValue, createRevision: Int64, modRevision: Int64) {
        self.key = key
        self.value = value
        self.createRevision = createRevision
        self.modRevision = modRevision
    }
}
