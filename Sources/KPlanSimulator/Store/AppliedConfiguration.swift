import GRDB
import KPlanCore

/// What a field manager last applied to an object, as a digest, and the object's revision right after:
/// while the object is still at that revision, applying the same configuration again changes nothing.
public struct AppliedConfiguration: Sendable, Hashable {
    /// The digest of the applied configuration (see `EmbeddedCluster`).
    public var digest: String
    /// The object's `modRevision` after that apply.
    public var appliedRevision: Int64
    /// The object's `modRevision` now.
    public var modRevision: Int64
    /// The object's `metadata.uid` when the configuration was applied (its uid now, while current).
    public var uid: String?

    /// Whether nothing has written the object since the apply.
    public var isCurrent: Bool { appliedRevision == modRevision }
}

extension ClusterStore {
    /// The applied configurations `manager` recorded for these keys, with each object's current
    /// revision, in one query (objects without a record are left out).
    ///
    /// Many keys (a third of the manager's records or more) are answered by reading all its records,
    /// which is cheaper than looking each key up.
    public func appliedConfigurations(keys: some Sequence<ResourceKey>, manager: String) throws(StoreError) -> [ResourceKey: AppliedConfiguration] {
        let wanted = Set(keys)
        return try read { db in
            let recorded = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM applied_configuration WHERE manager = ?"), arguments: [manager]) ?? 0
            let scan = wanted.count * 3 >= recorded
            let statement = try db.cachedStatement(sql: scan ? Self.allAppliedSQL : Self.appliedByKeySQL)
            let arguments: StatementArguments = scan ? [manager] : [KeyListEncoder.encode(wanted), manager]
            var found: [ResourceKey: AppliedConfiguration] = [:]
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            while let row = try rows.next() {
                let key = ResourceKey(group: row[0], kind: row[1], namespace: row[2], name: row[3])
                guard !scan || wanted.contains(key) else { continue }
                found[key] = AppliedConfiguration(digest: row[4], appliedRevision: row[5], modRevision: row[6], uid: row[7])
            }
            return found
        }
    }

    /// A manager's records with their objects' revisions (from the narrow revision index).
    private static let allAppliedSQL = """
        SELECT a.api_group, a.kind, a.namespace, a.name, a.digest, a.mod_revision, o.mod_revision, a.uid
        FROM applied_configuration AS a JOIN object AS o INDEXED BY object_revision
        ON o.api_group = a.api_group AND o.kind = a.kind AND o.namespace = a.namespace AND o.name = a.name
        WHERE a.manager = ?
        """

    /// A manager's records for a JSON list of keys, with their objects' revisions.
    private static let appliedByKeySQL = """
        SELECT a.api_group, a.kind, a.namespace, a.name, a.digest, a.mod_revision, o.mod_revision, a.uid
        FROM json_each(?) AS j CROSS JOIN applied_configuration AS a CROSS JOIN object AS o INDEXED BY object_revision
        ON a.api_group = json_extract(j.value, '$[0]') AND a.kind = json_extract(j.value, '$[1]')
        AND a.namespace = json_extract(j.value, '$[2]') AND a.name = json_extract(j.value, '$[3]') AND a.manager = ?
        AND o.api_group = a.api_group AND o.kind = a.kind AND o.namespace = a.namespace AND o.name = a.name
        """
}

extension StoreTransaction {
    /// Records that `manager` applied the configuration with `digest` to `key`, leaving it at
    /// `modRevision` with `uid`. Not a change of the object: the revision does not move and no event
    /// is made.
    public mutating func recordApplied(_ key: ResourceKey, manager: String, digest: String, modRevision: Int64, uid: String?) throws {
        try database.execute(
            sql: """
                INSERT OR REPLACE INTO applied_configuration (api_group, kind, namespace, name, manager, digest, mod_revision, uid)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [key.group, key.kind, key.namespace, key.name, manager, digest, modRevision, uid])
    }

    /// Forgets every manager's record for `key` (the object is deleted).
    public mutating func forgetApplied(_ key: ResourceKey) throws {
        try database.execute(
            sql: "DELETE FROM applied_configuration WHERE api_group = ? AND kind = ? AND namespace = ? AND name = ?",
            arguments: [key.group, key.kind, key.namespace, key.name])
    }
}
