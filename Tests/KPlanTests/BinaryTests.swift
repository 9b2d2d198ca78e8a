import Foundation
import Testing

/// End-to-end runs of the built `kplan` binary: exit statuses, standard input, output formats.
@Suite struct BinaryTests {
    /// The `kplan` executable `swift test` built beside the test bundle.
    static let binary: URL = {
        var directory = Bundle.main.bundleURL
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("kplan")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: GoldenFile.repositoryRoot + "/.build/debug/kplan")
    }()

    /// Runs kplan with `arguments` in `directory` (default: the repository root), feeding `input` on
    /// standard input, with `environment` added to this process's (and `NO_COLOR` set).
    static func run(
        _ arguments: [String], input: String = "", directory: String = GoldenFile.repositoryRoot, environment extra: [String: String] = [:]
    ) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["KPLAN_STATE"] = nil
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let error = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output, error)
    }

    static let cleanConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n"

    @Test func cleanInputExitsZero() throws {
        let result = try Self.run(["lint", "--no-config", "-"], input: Self.cleanConfigMap)
        #expect(result.status == 0)
        #expect(result.output == "1 file, 1 document, 1 resource: 0 errors, 0 warnings, 0 info\n")
    }

    @Test func warningsAloneExitZero() throws {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: nginx:latest}]\n"
        let result = try Self.run(["lint", "--no-config", "--disable", "all", "--enable", "latest-tag", "-"], input: pod)
        #expect(result.status == 0)
        #expect(result.output.contains("-:5:35: warning[lint.latest-tag]"))
    }

    @Test func errorsExitOne() throws {
        let result = try Self.run(["lint", "--no-config", "manifests/examples"])
        #expect(result.status == 1)
        #expect(result.output.contains("error[schema.quantity]"))
    }

    @Test func malformedYAMLExitsOne() throws {
        let result = try Self.run(["lint", "--no-config", "-"], input: "a: [1, 2\n")
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("-:2:1: error[yaml.syntax]"))
    }

    @Test(arguments: [
        ["lint"],
        ["lint", "--kubernetes-version", "1.20", "manifests/examples"],
        ["lint", "--output", "yaml", "manifests/examples"],
        ["lint", "--jobs", "-1", "manifests/examples"],
        ["lint", "--no-such-flag", "manifests/examples"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 64)
        #expect(!result.error.isEmpty)
    }

    @Test func jsonOutputParses() throws {
        let result = try Self.run(["lint", "--no-config", "-o", "json", "manifests/examples"])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(object?["version"] as? Int == 1)
        #expect((object?["diagnostics"] as? [Any])?.isEmpty == false)
    }

    @Test func rulesListsEveryRule() throws {
        let result = try Self.run(["rules"])
        #expect(result.status == 0)
        #expect(result.output.contains("| `latest-tag` |"))
    }
}
