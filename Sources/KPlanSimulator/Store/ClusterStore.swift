import Foundation
import GRDB
import KPlanCore
import Synchronization

/// The embedded cluster's etcd: objects by `ResourceKey` in SQLite (WAL), one global revision bumped
/// by every put and delete, a history of changes for watches, and compaction.
///
/// Values are stored as compact JSON text, so `sqlite3 .kplan/cluster.db` can read them. The store
/// knows nothing of API semantics (uids, namespaces, validation); the API server on top does.
public final class ClusterStore: Sendable {
    /// The database file, or `:memory:`.
    public let path: String
    /// How many revisions of history are kept at least; older ones are compacted automatically.
    public let historyLimit: Int64
    let writer: any DatabaseWriter
    let watchers = Mutex(WatcherRegistry())

    /// Opens the state database at `path`, creating it (and its parent directories) on first use.
    ///
    /// For `.readWrite`, an existing file is checked before anything is written to it: it must be a
    /// SQLite database (`PRAGMA quick_check` passes) stamped with kplan's application id; otherwise it
    /// is left untouched and `StoreError.corrupt` is thrown. For `.readOnly`, SQLite opens an existing
    /// state without write access, so nothing can change it: its header is checked and damage is
    /// reported (`StoreError.corrupt`) by the reads that meet it, instead of reading the whole file
    /// first. A state that does not exist yet or needs initialising is opened as for `.readWrite`.
    /// - Parameter historyLimit: revisions of history kept at least for watches (default 10,000).
    public init(path: String, historyLimit: Int64 = 10_000, access: StoreAccess = .readWrite) throws(StoreError) {
        self.path = path
        self.historyLimit = max(1, historyLimit)
        let exists = FileManager.default.fileExists(atPath: path)
        if exists, access == .readOnly, let reader = try Self.openForReading(at: path) {
            writer = reader
            return
        }
        if exists {
            try Self.checkExistingDatabase(at: path)
        } else {
            try Self.createParentDirectory(of: path)
        }
        var configuration = Self.configuration
        configuration.journalMode = .wal
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrate(pool, path: path)
            writer = pool
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// The existing state at `path` opened without write access, or nil when it must first be
    /// written to: migrated by this kplan, or given its first revision.
    private static func openForReading(at path: String) throws(StoreError) -> DatabasePool? {
        let header = try checkHeader(of: path)
        // Another application's database is refused before SQLite opens it (and adds its -shm file).
        if !FileManager.default.fileExists(atPath: path + "-wal") {
            try checkApplicationID(applicationID(inHeader: header), path: path)
        }
        var configuration = Self.configuration
        configuration.readonly = true
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = migrator
            let isReady = try pool.read { db in
                let stamp = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                try checkApplicationID(stamp, path: path)
                guard try migrator.hasCompletedMigrations(db) else {
                    guard try !migrator.hasBeenSuperseded(db) else {
                        throw supersededError(path: path)
                    }
                    return false
                }
                return try meta("revision", db) > 0
            }
            return isReady ? pool : nil
        } catch {
            throw storeError(error, path: path)
        }
    }

    private init(inMemoryWithHistoryLimit historyLimit: Int64) throws(StoreError) {
        path = ":memory:"
        self.historyLimit = max(1, historyLimit)
        do {
            let queue = try DatabaseQueue(configuration: Self.configuration)
            try Self.migrate(queue, path: path)
            writer = queue
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// A store in memory, for tests: nothing touches the disk.
    public static func inMemory(historyLimit: Int64 = 10_000) throws(StoreError) -> ClusterStore {
        try ClusterStore(inMemoryWithHistoryLimit: historyLimit)
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.label = "kplan.state"
        configuration.busyMode = .timeout(10)
        return configuration
    }

    private static func migrate(_ writer: any DatabaseWriter, path: String) throws {
        let migrator = migrator
        let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
        guard !superseded else { throw supersededError(path: path) }
        try migrator.migrate(writer)
    }

    /// The error for a state that a newer kplan migrated.
    private static func supersededError(path: String) -> StoreError {
        .io(path: path, detail: "it was written by a newer kplan; use that version or another --state path")
    }

    /// A store error for an error GRDB or the file system threw.
    static func storeError(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else { return .io(path: path, detail: "\(error)") }
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .corrupt(path: path, detail: "the database is damaged (\(error.message ?? "\(error)"))")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .io(path: path, detail: "the database stayed busy: \(error.message ?? "\(error)"); try again")
        default:
            return .io(path: path, detail: error.message ?? "\(error)")
        }
    }

    /// Runs a read, mapping database errors to `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    // MARK: Reads

    /// The current revision: the revision of the last write (0 for a new store).
    public var revision: Int64 {
        get throws(StoreError) { try read { db in try Self.meta("revision", db) } }
    }

    /// The highest revision dropped from history by compaction (0 when nothing was).
    public var compactedRevision: Int64 {
        get throws(StoreError) { try read { db in try Self.meta("compacted", db) } }
    }

    /// How many objects the store holds.
    public var count: Int {
        get throws(StoreError) { try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM object") ?? 0 } }
    }

    /// The object at `key`, nil when absent.
    public func get(_ key: ResourceKey) throws(StoreError) -> StoredObject? {
        try read { db in try Self.get(key, db) }
    }

    /// The objects at `keys` that exist, read in one query.
    public func get(keys: some Sequence<ResourceKey>) throws(StoreError) -> [ResourceKey: StoredObject] {
        let keyList = KeyListEncoder.encode(keys)
        // The rows are copied out in the read; their values are parsed afterwards, on all cores.
        typealias RawRow = (key: ResourceKey, createRevision: Int64, modRevision: Int64, value: [UInt8]?)
        let rows: [RawRow] = try read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT o.api_group, o.kind, o.namespace, o.name, o.create_revision, o.mod_revision, o.value
                    FROM json_each(?) AS j CROSS JOIN object AS o
                    ON o.api_group = json_extract(j.value, '$[0]') AND o.kind = json_extract(j.value, '$[1]')
                    AND o.namespace = json_extract(j.value, '$[2]') AND o.name = json_extract(j.value, '$[3]')
                    """)
            var rows: [RawRow] = []
            let cursor = try Row.fetchCursor(statement, arguments: [keyList])
            while let row = try cursor.next() {
                let value = try row.withUnsafeData(atIndex: 6) { data in data.map { [UInt8]($0) } }
                rows.append((ResourceKey(group: row[0], kind: row[1], namespace: row[2], name: row[3]), row[4], row[5], value))
            }
            return rows
        }
        let parsed = rows.parallelMap(parallel: rows.count >= 64) { row in
            Result { () throws -> JSONValue in
                guard let value = row.value else { return try Self.storedValue(nil) }
                return try value.withUnsafeBytes { try Self.storedValue($0) }
            }
        }
        var found: [ResourceKey: StoredObject] = [:]
        found.reserveCapacity(rows.count)
        for (row, value) in zip(rows, parsed) {
            do {
                found[row.key] = StoredObject(key: row.key, value: try value.get(), createRevision: row.createRevision, modRevision: row.modRevision)
            } catch {
                throw Self.storeError(error, path: path)
            }
        }
        return found
    }

    /// The objects of a group and kind, in one namespace or (namespace nil) all, sorted by namespace
    /// and name. A nil group or kind matches every group or kind.
    public func list(group: String?, kind: String?, namespace: String? = nil) throws(StoreError) -> [StoredObject] {
        try read { db in try Self.list(group: group, kind: kind, namespace: namespace, db) }
    }

    // MARK: Row access shared with transactions

    static func meta(_ name: String, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE name = ?"), arguments: [name]) ?? 0
    }

    static func get(_ key: ResourceKey, _ db: Database) throws -> StoredObject? {
        let statement = try db.cachedStatement(
            sql: """
                SELECT api_group, kind, namespace, name, create_revision, mod_revision, value FROM object
                WHERE api_group = ? AND kind = ? AND namespace = ? AND name = ?
                """)
        guard let row = try Row.fetchOne(statement, arguments: [key.group, key.kind, key.namespace, key.name]) else {
            return nil
        }
        return try storedObject(row)
    }

    static func list(group: String?, kind: String?, namespace: String?, _ db: Database) throws -> [StoredObject] {
        var conditions: [String] = []
        var arguments: [String] = []
        for (column, value) in [("api_group", group), ("kind", kind), ("namespace", namespace)] {
            guard let value else { continue }
            conditions.append("\(column) = ?")
            arguments.append(value)
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let statement = try db.cachedStatement(
            sql: "SELECT api_group, kind, namespace, name, create_revision, mod_revision, value FROM object" + filter)
        let rows = try Row.fetchCursor(statement, arguments: StatementArguments(arguments))
        var objects: [StoredObject] = []
        while let row = try rows.next() {
            objects.append(try storedObject(row))
        }
        return objects.sorted { $0.key < $1.key }
    }

    /// A stored object from a row of `api_group, kind, namespace, name, create_revision, mod_revision, value`.
    static func storedObject(_ row: Row) throws -> StoredObject {
        let key = ResourceKey(group: row[0], kind: row[1], namespace: row[2], name: row[3])
        return StoredObject(key: key, value: try json(row, column: 6), createRevision: row[4], modRevision: row[5])
    }

    /// The JSON value in a text column, parsed straight from SQLite's buffer.
    static func json(_ row: Row, column: Int) throws -> JSONValue {
        try row.withUnsafeData(atIndex: column) { data in
            guard let data else { return try storedValue(nil) }
            return try data.withUnsafeBytes { try storedValue($0) }
        }
    }

    /// A stored value's JSON from its bytes (nil: SQL NULL); anything else is a damaged state.
    static func storedValue(_ bytes: UnsafeRawBufferPointer?) throws -> JSONValue {
        guard let bytes else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "a stored value is NULL") }
        do {
            return try JSONValue(parsing: bytes)
        } catch {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "a stored value is not JSON: \(error)")
        }
    }
}
