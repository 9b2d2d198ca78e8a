import Foundation
import GRDB

extension ClusterStore {
    /// The 16 bytes every SQLite database file starts with.
    private static let sqliteMagic = Array("SQLite format 3\0".utf8)

    /// Refuses, without writing to it, a file that is not an intact kplan state database.
    static func checkExistingDatabase(at path: String) throws(StoreError) {
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
        var configuration = configuration
        configuration.readonly = true
        let facts: (applicationID: Int32, integrity: [String])
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            facts = try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let integrity = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
                return (applicationID, integrity)
            }
            try queue.close()
        } catch {
            throw storeError(error, path: path)
        }
        guard facts.integrity == ["ok"] else {
            throw .corrupt(path: path, detail: "the database is damaged (\(facts.integrity.joined(separator: "; ")))")
        }
        guard facts.applicationID == applicationID else {
            let found = String(UInt32(bitPattern: facts.applicationID), radix: 16)
            throw .corrupt(path: path, detail: "it is a SQLite database of another application (application_id 0x\(found))")
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
