import GRDB
import GRDBSQLite
import KPlanCore

/// What a field manager last applied to an object, as a digest, and the object's revision right after.
/// Records are kept only while nothing has written the object since: every put and delete of an
/// object forgets its records, so applying the same configuration again changes nothing.
public struct AppliedConfiguration: Sendable, Hashable {
    /// The digest of the applied configuration (see `EmbeddedCluster`).
    public var digest: String
    /// The object's `modRevision` after that apply, which is still its revision.
    public var modRevision: Int64
    /// The object's `metadata.uid`.
    public var uid: String?
}

extension ClusterStore {
    /// The applied configurations `manager` recorded for `keys`, in their order (nil for a key
    /// without one), in one query.
    ///
    /// Many keys (a third of the manager's records or more) are answered by reading all its records,
    /// which is cheaper than looking each key up.
    public func appliedConfigurations(keys: [ResourceKey], manager: String) throws(StoreError) -> [AppliedConfiguration?] {
        guard !keys.isEmpty else { return [] }
        return try read { db in
            let recorded = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM applied_configuration WHERE manager = ?"), arguments: [manager]) ?? 0
            let scan = keys.count * 3 >= recorded
            let statement = try db.cachedStatement(sql: scan ? Self.allAppliedSQL : Self.appliedByKeySQL)
            let arguments: StatementArguments = scan ? [manager] : [KeyListEncoder.encode(keys), manager]
            var found: [ResourceKey: AppliedConfiguration] = [:]
            found.reserveCapacity(scan ? recorded : keys.count)
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            let handle = statement.sqliteStatement
            // The columns are read straight from SQLite: this runs for every object of a plan.
            while try rows.next() != nil {
                let key = ResourceKey(
                    group: Self.text(handle, 0), kind: Self.text(handle, 1), namespace: Self.text(handle, 2), name: Self.text(handle, 3))
                let uid = sqlite3_column_type(handle, 6) == SQLITE_NULL ? nil : Self.text(handle, 6)
                found[key] = AppliedConfiguration(digest: Self.text(handle, 4), modRevision: sqlite3_column_int64(handle, 5), uid: uid)
            }
            return keys.map { found[$0] }
        }
    }

    /// A text column of the current row.
    private static func text(_ statement: SQLiteStatement, _ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }

    /// A manager's records.
    private static let allAppliedSQL = """
        SELECT api_group, kind, namespace, name, digest, mod_revision, uid FROM applied_configuration WHERE manager = ?
        """

    /// A manager's records for a JSON list of keys.
    private static let appliedByKeySQL = """
        SELECT a.api_group, a.kind, a.namespace, a.name, a.digest, a.mod_revision, a.uid
        FROM json_each(?) AS j CROSS JOIN applied_configuration AS a
        ON a.api_group = json_extract(j.value, '$[0]') AND a.kind = json_extract(j.value, '$[1]')
        AND a.namespace = json_extract(j.value, '$[2]') AND a.name = json_extract(j.value, '$[3]') AND a.manager = ?
        """
}

extension StoreTransaction {
    /// Records that `manager` applied the configuration with `digest` to `key`, leaving it at
    /// `modRevision` with `uid`. Not a change of the object: the revision does not move and no event
    /// is made.
    public mutating func recordApplied(_ key: ResourceKey, manager: String, digest: String, modRevision: Int64, uid: String?) throws {
        try database.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO applied_configuration (api_group, kind, namespace, name, manager, digest, mod_revision, uid)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [key.group, key.kind, key.namespace, key.name, manager, digest, modRevision, uid])
    }

    /// Forgets every manager's record for `key` (the object is written or deleted).
    mutating func forgetApplied(_ key: ResourceKey) throws {
        try database.cachedStatement(sql: "DELETE FROM applied_configuration WHERE api_group = ? AND kind = ? AND namespace = ? AND name = ?")
            .execute(arguments: [key.group, key.kind, key.namespace, key.name])
    }
}
