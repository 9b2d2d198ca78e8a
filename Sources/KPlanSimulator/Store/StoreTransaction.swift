import GRDB
import KPlanCore

/// The reads and writes of one `ClusterStore.write`: all of them commit together or, when the body
/// throws, none does.
public struct StoreTransaction {
    private let db: Database
    /// The transaction's connection, for records kept beside the objects.
    var database: Database { db }
    /// The store's revision as this transaction leaves it so far.
    public private(set) var revision: Int64
    /// The changes made so far, in revision order.
    private(set) var events: [StoreEvent] = []

    init(_ db: Database) throws {
        self.db = db
        revision = try ClusterStore.meta("revision", db)
    }

    /// The revision the next put or delete will get (to stamp it into the value, as `resourceVersion`).
    public var nextRevision: Int64 {
        revision + 1
    }

    /// The object at `key` as this transaction sees it, nil when absent.
    public func get(_ key: ResourceKey) throws -> StoredObject? {
        try ClusterStore.get(key, db)
    }

    /// The objects of a group and kind as this transaction sees them (see `ClusterStore.list`).
    public func list(group: String?, kind: String?, namespace: String? = nil) throws -> [StoredObject] {
        try ClusterStore.list(group: group, kind: kind, namespace: namespace, db)
    }

    /// Writes `value` at `key` and returns the write's revision. Every manager's applied-configuration
    /// record for `key` is forgotten: it describes the object before this write.
    /// - Parameter expectedModRevision: nil for no precondition, 0 when the key must not exist,
    ///   otherwise the `modRevision` the key must be at.
    /// - Throws: `StoreError.conflict` when the precondition fails.
    @discardableResult
    public mutating func put(_ key: ResourceKey, _ value: JSONValue, expectedModRevision: Int64? = nil) throws -> Int64 {
        let current = try currentRevisions(key)
        try check(key, expectedModRevision, actual: current?.mod ?? 0)
        revision += 1
        let createRevision = current?.create ?? revision
        if current != nil { try forgetApplied(key) }
        let text = value.compactJSON
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO object (api_group, kind, namespace, name, create_revision, mod_revision, value)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [key.group, key.kind, key.namespace, key.name, createRevision, revision, text])
        try db.cachedStatement(
            sql: """
                INSERT INTO event (revision, type, api_group, kind, namespace, name, create_revision, value)
                VALUES (?, 'put', ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [revision, key.group, key.kind, key.namespace, key.name, createRevision, text])
        events.append(StoreEvent(revision: revision, kind: .put, key: key, value: value, createRevision: createRevision))
        return revision
    }

    /// Deletes `key` (and its applied-configuration records) and returns the deletion's revision, or nil (and no new revision) when it was absent.
    /// - Parameter expectedModRevision: nil for no precondition, otherwise the `modRevision` the key
    ///   must be at (0: it must be absent, which makes the delete a checked no-op).
    /// - Throws: `StoreError.conflict` when the precondition fails.
    @discardableResult
    public mutating func delete(_ key: ResourceKey, expectedModRevision: Int64? = nil) throws -> Int64? {
        let current = try get(key)
        try check(key, expectedModRevision, actual: current?.modRevision ?? 0)
        guard let current else { return nil }
        revision += 1
        try db.cachedStatement(
            sql: """
                INSERT INTO event (revision, type, api_group, kind, namespace, name, create_revision, value)
                SELECT ?, 'delete', api_group, kind, namespace, name, create_revision, value FROM object
                WHERE api_group = ? AND kind = ? AND namespace = ? AND name = ?
                """
        ).execute(arguments: [revision, key.group, key.kind, key.namespace, key.name])
        try db.cachedStatement(sql: "DELETE FROM object WHERE api_group = ? AND kind = ? AND namespace = ? AND name = ?")
            .execute(arguments: [key.group, key.kind, key.namespace, key.name])
        try forgetApplied(key)
        events.append(
            StoreEvent(revision: revision, kind: .delete, key: key, value: current.value, createRevision: current.createRevision))
        return revision
    }

    private func currentRevisions(_ key: ResourceKey) throws -> (create: Int64, mod: Int64)? {
        let statement = try db.cachedStatement(
            sql: "SELECT create_revision, mod_revision FROM object WHERE api_group = ? AND kind = ? AND namespace = ? AND name = ?")
        guard let row = try Row.fetchOne(statement, arguments: [key.group, key.kind, key.namespace, key.name]) else {
            return nil
        }
        return (row[0], row[1])
    }

    private func check(_ key: ResourceKey, _ expected: Int64?, actual: Int64) throws {
        guard let expected, expected != actual else { return }
        throw StoreError.conflict(key, expected: expected, actual: actual)
    }

    /// Records the revision this transaction reached and compacts history beyond `historyLimit`.
    func finish(historyLimit: Int64) throws {
        guard !events.isEmpty else { return }
        try db.cachedStatement(sql: "UPDATE meta SET value = ? WHERE name = 'revision'").execute(arguments: [revision])
        let compacted = try ClusterStore.meta("compacted", db)
        if revision - compacted > historyLimit + max(1, historyLimit / 10) {
            try ClusterStore.compact(through: revision - historyLimit, db)
        }
    }
}
