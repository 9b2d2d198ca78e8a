import Foundation
import GRDBSQLite

extension ClusterStore {
    /// The 16 bytes every SQLite database file starts with.
    private static let sqliteMagic = Array("SQLite format 3\0".utf8)

    /// Refuses, without writing to it, a file that is not an intact kplan state database.
    static func checkExistingDatabase(at path: String) throws(StoreError) {
        try checkHeader(of: path)
        let facts = try inspect(path)
        guard facts.integrity == ["ok"] else {
            throw .corrupt(path: path, detail: "the database is damaged (\(facts.integrity.joined(separator: "; ")))")
        }
        try checkApplicationID(facts.applicationID, path: path)
    }

    /// Refuses a file that does not start with a SQLite database header; returns the header's 100 bytes.
    @discardableResult
    static func checkHeader(of path: String) throws(StoreError) -> [UInt8] {
        let header: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            header = try handle.read(upToCount: 100) ?? Data()
        } catch {
            throw .io(path: path, detail: "cannot read it: \(error.localizedDescription)")
        }
        guard !header.isEmpty else { throw .corrupt(path: path, detail: "the file is empty") }
        guard header.count == 100, Array(header.prefix(16)) == sqliteMagic else {
            throw .corrupt(path: path, detail: "the file is not a SQLite database")
        }
        return Array(header)
    }

    /// The application id in a database header: the big-endian 32-bit integer at offset 68. It is the
    /// database's own only while no write-ahead log holds a newer first page.
    static func applicationID(inHeader header: [UInt8]) -> Int32 {
        Int32(bitPattern: header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }

    /// Refuses a database stamped with another application id than kplan's.
    static func checkApplicationID(_ found: Int32, path: String) throws(StoreError) {
        guard found == applicationID else {
            let hex = String(UInt32(bitPattern: found), radix: 16)
            throw .corrupt(path: path, detail: "it is a SQLite database of another application (application_id 0x\(hex))")
        }
    }

    /// The application id and `quick_check` result of the database at `path`, read without writing
    /// anything: without a `-wal` file beside it the database is opened `immutable`, so SQLite
    /// creates no `-shm` either.
    private static func inspect(_ path: String) throws(StoreError) -> (applicationID: Int32, integrity: [String]) {
        let hasLog = FileManager.default.fileExists(atPath: path + "-wal")
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        let uri = "file:" + escaped + (hasLog ? "?mode=ro" : "?mode=ro&immutable=1")
        var handle: OpaquePointer?
        defer { sqlite3_close_v2(handle) }
        let opened = sqlite3_open_v2(uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil)
        guard opened == SQLITE_OK, let handle else { throw inspectionError(opened, handle, path: path) }
        sqlite3_busy_timeout(handle, 10_000)
        let applicationID = try pragmaRows("PRAGMA application_id", handle, path: path).first.flatMap { Int32($0) } ?? 0
        let integrity = try pragmaRows("PRAGMA quick_check(5)", handle, path: path)
        return (applicationID, integrity)
    }

    /// The first column of every row of `sql`, as text.
    private static func pragmaRows(_ sql: String, _ handle: OpaquePointer, path: String) throws(StoreError) -> [String] {
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        let prepared = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard prepared == SQLITE_OK else { throw inspectionError(prepared, handle, path: path) }
        var rows: [String] = []
        while true {
            let stepped = sqlite3_step(statement)
            if stepped == SQLITE_DONE { return rows }
            guard stepped == SQLITE_ROW else { throw inspectionError(stepped, handle, path: path) }
            rows.append(sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "")
        }
    }

    private static func inspectionError(_ code: Int32, _ handle: OpaquePointer?, path: String) -> StoreError {
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        switch code & 0xFF {
        case SQLITE_CORRUPT: return .corrupt(path: path, detail: "the database is damaged (\(message))")
        case SQLITE_NOTADB: return .corrupt(path: path, detail: "the file is not a SQLite database (\(message))")
        default: return .io(path: path, detail: "cannot read it: \(message)")
        }
    }

    /// Creates the directories above the database file.
    static func createParentDirectory(of path: String) throws(StoreError) {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, detail: "cannot create the directory \(parent): \(error.localizedDescription)")
        }
    }
}
