import GRDB
import KPlanCore

extension ClusterStore {
    /// Runs `body` in one SQLite transaction and returns its result; when `body` throws, every write
    /// it made is rolled back and the error is rethrown. After the commit, watches receive the changes.
    ///
    /// Database failures are thrown as `StoreError`; `body`'s own errors pass through unchanged.
    public func write<T>(_ body: (inout StoreTransaction) throws -> T) throws -> T {
        let historyLimit = historyLimit
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                var events: [StoreEvent] = []
                try db.inTransaction(.immediate) {
                    var transaction = try StoreTransaction(db)
                    result = try body(&transaction)
                    try transaction.finish(historyLimit: historyLimit)
                    events = transaction.events
                    return .commit
                }
                publish(events)
                return result!
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
    }

    /// Drops the history at and below `revision` (at most the current revision); later `events` and
    /// `watch` calls asking for it throw `StoreError.compacted`.
    public func compact(through revision: Int64) throws(StoreError) {
        do {
            try writer.write { db in try Self.compact(through: revision, db) }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    static func compact(through revision: Int64, _ db: Database) throws {
        let target = min(revision, try meta("revision", db))
        guard target > (try meta("compacted", db)) else { return }
        try db.cachedStatement(sql: "DELETE FROM event WHERE revision <= ?").execute(arguments: [target])
        try db.cachedStatement(sql: "UPDATE meta SET value = ? WHERE name = 'compacted'").execute(arguments: [target])
    }

    /// Every change after `revision`, in revision order.
    /// - Throws: `StoreError.compacted` when part of that history was compacted away.
    public func events(after revision: Int64) throws(StoreError) -> [StoreEvent] {
        try read { db in try Self.events(after: revision, db) }
    }

    static func events(after revision: Int64, _ db: Database) throws -> [StoreEvent] {
        let compacted = try meta("compacted", db)
        guard revision >= compacted else { throw StoreError.compacted(requested: revision, compactedThrough: compacted) }
        let statement = try db.cachedStatement(
            sql: """
                SELECT revision, type, api_group, kind, namespace, name, create_revision, value FROM event
                WHERE revision > ? ORDER BY revision
                """)
        let rows = try Row.fetchCursor(statement, arguments: [revision])
        var events: [StoreEvent] = []
        while let row = try rows.next() {
            let type: String = row[1]
            let key = ResourceKey(group: row[2], kind: row[3], namespace: row[4], name: row[5])
            events.append(
                StoreEvent(
                    revision: row[0], kind: type == "delete" ? .delete : .put, key: key, value: try json(row, column: 7),
                    createRevision: row[6]))
        }
        return events
    }
}
