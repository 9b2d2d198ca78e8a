import Foundation
import KPlanSimulator
import Testing

/// The built binary against bad or busy state, and the saved plan's file mode.
@Suite struct StateBinaryTests {
    static let manifests = GoldenFile.repositoryRoot + "/manifests/plan/basic-lifecycle/v1"

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-state-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(arguments: ["this is not a database\n", String(repeating: "\u{0}", count: 4096), "SQLite format 3\u{0}truncated"])
    func aCorruptStateIsRefusedAndLeftUntouched(content: String) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/cluster.db"
        try content.write(toFile: state, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: state))
        for command in [["apply", "-f", Self.manifests], ["plan", "-f", Self.manifests], ["get", "ns"]] {
            let result = try BinaryTests.run(command + ["--state", state])
            #expect(result.status == 1)
            #expect(result.error.contains("kplan: error: state \(state) is not a usable kplan state database"))
            #expect(result.error.contains("it was left untouched"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["cluster.db", "cluster.db.lock"])
    }

    /// A kplan state whose pages past the schema are damaged: commands that write refuse it after
    /// checking the whole file; read-only ones (opened without write access) when their reads meet
    /// the damage. The file keeps its bytes either way.
    @Test func aDamagedStateIsRefusedByEveryCommandAndLeftUntouched() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/cluster.db"
        #expect(try BinaryTests.run(["apply", "-f", Self.manifests, "--state", state]).status == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: state))
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        #expect(bytes.count > 4 * pageSize)
        for page in stride(from: 2 * pageSize, to: bytes.count, by: pageSize) {
            bytes.replaceSubrange(page..<page + 16, with: Data(repeating: 0xA5, count: 16))
        }
        try bytes.write(to: URL(fileURLWithPath: state))
        for command in [["apply", "-f", Self.manifests], ["plan", "-f", Self.manifests], ["get", "cm"]] {
            let result = try BinaryTests.run(command + ["--state", state])
            #expect(result.status == 1, "\(command)")
            #expect(result.error.contains("kplan: error: state \(state) is not a usable kplan state database: the database is damaged"), "\(result.error)")
            #expect(result.error.contains("it was left untouched"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == bytes)
    }

    @Test func aSecondApplyWaitsThenFailsNamingTheHolder() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/cluster.db"
        let lock = try StateLock.acquire(for: state, command: "kplan apply -f elsewhere", wait: .zero)
        defer { lock.release() }
        let result = try BinaryTests.run(["apply", "-f", Self.manifests, "--state", state, "--lock-timeout", "0"])
        #expect(result.status == 1)
        #expect(result.error.contains("is in use by another kplan process (pid \(getpid()): kplan apply -f elsewhere)"))
        #expect(!FileManager.default.fileExists(atPath: state))
        lock.release()
        let retry = try BinaryTests.run(["apply", "-f", Self.manifests, "--state", state, "--lock-timeout", "0"])
        #expect(retry.status == 0)
    }

    @Test func aSavedPlanIsReadableByItsOwnerOnly() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let planFile = directory + "/plan.json"
        let result = try BinaryTests.run(["plan", "-f", Self.manifests, "--state", directory + "/cluster.db", "--out", planFile])
        #expect(result.status == 2)
        let attributes = try FileManager.default.attributesOfItem(atPath: planFile)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: planFile, encoding: .utf8)
        #expect(text.contains("\"kind\": \"SavedPlan\""))
        #expect(text.contains("\"apiVersion\": \"kplan.dev/v1alpha1\""))
    }

    @Test func plannedObjectsNeverReachTheStateWhenTheManifestsAreInvalid() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/cluster.db"
        let invalid = GoldenFile.repositoryRoot + "/manifests/plan/invalid-manifests/bad"
        #expect(try BinaryTests.run(["apply", "-f", invalid, "--state", state]).status == 1)
        let listed = try BinaryTests.run(["get", "cm", "fine", "--state", state])
        #expect(listed.status == 1)
        #expect(listed.error.contains(#"configmaps "fine" not found"#))
    }
}
