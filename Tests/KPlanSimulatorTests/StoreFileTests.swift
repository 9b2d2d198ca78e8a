import Foundation
import KPlanCore
import KPlanSimulator
import Testing

@Suite struct StoreFileTests {
    @Test func stateSurvivesReopeningAndParentDirectoriesAreCreated() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/nested/.kplan/cluster.db"
            do {
                let store = try ClusterStore(path: path)
                try store.write { transaction in
                    try transaction.put(configMapKey("a"), configMap("a", data: ["k": "v"]))
                    try transaction.put(configMapKey("b"), configMap("b"))
                    try transaction.delete(configMapKey("b"))
                }
                try store.compact(through: 1)
            }
            let reopened = try ClusterStore(path: path)
            #expect(try reopened.revision == 3)
            #expect(try reopened.compactedRevision == 1)
            #expect(try reopened.get(configMapKey("a")) == StoredObject(key: configMapKey("a"), value: configMap("a", data: ["k": "v"]), createRevision: 1, modRevision: 1))
            #expect(try reopened.events(after: 1).map(\.kind) == [.put, .delete])
            #expect(try reopened.write { transaction in try transaction.put(configMapKey("c"), configMap("c")) } == 4)
        }
    }

    @Test func valuesAreStoredAsReadableCompactJSON() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/cluster.db"
            let value = configMap("readable", data: ["greeting": "hello"])
            do {
                let store = try ClusterStore(path: path)
                try store.write { transaction in _ = try transaction.put(configMapKey("readable"), value) }
            }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.range(of: Data(value.compactJSON.utf8)) != nil)
        }
    }

    @Test func twoStoresOnOneFileShareState() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/cluster.db"
            let first = try ClusterStore(path: path)
            let second = try ClusterStore(path: path)
            try first.write { transaction in _ = try transaction.put(configMapKey("a"), configMap("a")) }
            #expect(try second.get(configMapKey("a"))?.modRevision == 1)
            #expect(try second.write { transaction in try transaction.put(configMapKey("b"), configMap("b")) } == 2)
            #expect(try first.revision == 2)
        }
    }

    @Test func aFileStoreDeliversConcurrentWritesToWatchesInOrder() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try ClusterStore(path: directory + "/cluster.db")
        let stream = store.watch(after: 0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<3 {
                group.addTask {
                    for index in 0..<30 {
                        try store.write { transaction in _ = try transaction.put(configMapKey("w\(writer)-\(index)"), configMap("x")) }
                    }
                }
            }
            try await group.waitForAll()
        }
        var revisions: [Int64] = []
        for try await event in stream {
            revisions.append(event.revision)
            if revisions.count == 90 { break }
        }
        #expect(revisions == Array(1...90))
    }

    /// Opening `bytes` as a state database (read-write, and read-only) fails as corrupt, with
    /// `detail` in the message, and leaves the file and its directory exactly as they were.
    private func expectRefused(_ bytes: Data, detail: String) throws {
        for access in [StoreAccess.readWrite, .readOnly] {
            try withTemporaryDirectory { directory in
                let path = directory + "/cluster.db"
                try bytes.write(to: URL(fileURLWithPath: path))
                let before = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
                do throws(StoreError) {
                    _ = try ClusterStore(path: path, access: access)
                    Issue.record("a bad state file was accepted (\(access))")
                } catch {
                    expectCorrupt(error, path: path, detail: detail)
                }
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
                #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == before)
            }
        }
    }

    private func expectCorrupt(_ error: StoreError, path: String, detail: String) {
        guard case .corrupt(let errorPath, let errorDetail) = error else {
            Issue.record("expected .corrupt, got \(error)")
            return
        }
        #expect(errorPath == path)
        #expect(errorDetail.contains(detail), "\(errorDetail)")
        #expect(error.description.contains("left untouched"))
    }

    /// The bytes of a closed kplan state database holding `count` ConfigMaps.
    private func stateDatabase(objects count: Int) throws -> Data {
        try withTemporaryDirectory { directory in
            let path = directory + "/cluster.db"
            do {
                let store = try ClusterStore(path: path)
                try store.write { transaction in
                    for index in 0..<count {
                        try transaction.put(configMapKey("cm-\(index)"), configMap("cm-\(index)", data: ["k": .string(String(repeating: "x", count: 300))]))
                    }
                }
            }
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndUntouched() throws {
        try expectRefused(Data("apiVersion: v1\nkind: ConfigMap\n".utf8), detail: "not a SQLite database")
        try expectRefused(Data(repeating: 0, count: 8192), detail: "not a SQLite database")
        try expectRefused(Data(), detail: "empty")
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndUntouched() throws {
        var bytes = try stateDatabase(objects: 1)
        bytes.replaceSubrange(68..<72, with: [0, 0, 0, 0])
        try expectRefused(bytes, detail: "another application (application_id 0x0)")
    }

    /// A damaged page: the read-write opening refuses the file before writing; a read-only one
    /// cannot write and reports the damage when a read meets it.
    @Test func aDamagedDatabaseIsRefusedAndUntouched() throws {
        var bytes = try stateDatabase(objects: 200)
        #expect(bytes.count > 16 * 4096)
        bytes.replaceSubrange(3 * 4096..<3 * 4096 + 2048, with: Data(repeating: 0xA5, count: 2048))
        try expectRefusedWriting(bytes, detail: "damaged")
        try expectReadRefused(bytes)
    }

    @Test func aTruncatedDatabaseIsRefusedAndUntouched() throws {
        let bytes = try stateDatabase(objects: 200)
        try expectRefusedWriting(bytes.prefix(bytes.count / 2), detail: "damaged")
        try expectReadRefused(bytes.prefix(bytes.count / 2))
        try expectRefused(bytes.prefix(60), detail: "not a SQLite database")
    }

    /// Opening `bytes` read-write fails as corrupt and leaves the file and its directory as they were.
    private func expectRefusedWriting(_ bytes: Data, detail: String) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/cluster.db"
            try bytes.write(to: URL(fileURLWithPath: path))
            let before = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            do throws(StoreError) {
                _ = try ClusterStore(path: path)
                Issue.record("a damaged state file was opened for writing")
            } catch {
                expectCorrupt(error, path: path, detail: detail)
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == before)
        }
    }

    /// Opening `bytes` read-only and reading every object fails as corrupt, and the file keeps its bytes.
    private func expectReadRefused(_ bytes: Data) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/cluster.db"
            try bytes.write(to: URL(fileURLWithPath: path))
            do throws(StoreError) {
                let store = try ClusterStore(path: path, access: .readOnly)
                _ = try store.list(group: "", kind: "ConfigMap")
                Issue.record("a damaged state file was read")
            } catch {
                expectCorrupt(error, path: path, detail: "the database is damaged (database disk image is malformed)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
    }

    @Test func aReadOnlyOpeningChangesNothingAndCannotWrite() throws {
        let bytes = try stateDatabase(objects: 20)
        try withTemporaryDirectory { directory in
            let path = directory + "/cluster.db"
            try bytes.write(to: URL(fileURLWithPath: path))
            do {
                let store = try ClusterStore(path: path, access: .readOnly)
                #expect(try store.list(group: "", kind: "ConfigMap").count == 20)
                #expect(try store.revision == 20)
                #expect(throws: StoreError.self) {
                    try store.write { transaction in _ = try transaction.put(configMapKey("new"), configMap("new")) }
                }
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
    }

    @Test func aReadOnlyOpeningOfANewStateCreatesIt() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state/cluster.db"
            let store = try ClusterStore(path: path, access: .readOnly)
            #expect(try store.write { transaction in try transaction.put(configMapKey("a"), configMap("a")) } == 1)
        }
    }
}
