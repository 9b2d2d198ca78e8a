import Foundation
import Testing

/// Golden scenario tests for `diff`, `plan`, `apply`, `get` and `delete`: every directory under
/// `manifests/plan/` is one case, a sequence of runs of the built binary against a fresh state.
///
/// A case's `steps.json` lists the runs: `{"steps": [{"run": ["apply", "-f", "v1"]}, {"run": [...], "record": true}]}`.
/// Each run starts in the case's directory with `KPLAN_STATE` set to a new temporary state; `$TMP` in
/// an argument is that temporary directory. Recorded runs (and any run whose exit status is not 0, so
/// a failing set-up step is never silent) are written to `golden/plan/<case>.txt` as a transcript: the
/// command, its standard output, its standard error and its exit status. Temporary paths, uids,
/// timestamps and the kplan version are replaced by placeholders.
/// Re-record with `KPLAN_UPDATE_GOLDEN=1 swift test --filter PlanGoldenTests`.
@Suite struct PlanGoldenTests {
    static let root = GoldenFile.repositoryRoot
    static let casesDirectory = "manifests/plan"

    struct Scenario: Decodable {
        struct Step: Decodable {
            var run: [String]
            var record: Bool?
        }
        var steps: [Step]
    }

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + casesDirectory)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: cases)
    func scenario(_ name: String) throws {
        let directory = "\(Self.root)/\(Self.casesDirectory)/\(name)"
        let data = try #require(FileManager.default.contents(atPath: directory + "/steps.json"), "\(name) has no steps.json")
        let scenario = try JSONDecoder().decode(Scenario.self, from: data)
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-plan-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temporary) }

        var transcript = ""
        for step in scenario.steps {
            let arguments = step.run.map { $0.replacingOccurrences(of: "$TMP", with: temporary) }
            let result = try BinaryTests.run(arguments, directory: directory, environment: ["KPLAN_STATE": temporary + "/cluster.db"])
            guard step.record == true || result.status != 0 else { continue }
            transcript += "$ kplan " + step.run.joined(separator: " ") + "\n"
            transcript += result.output
            if !result.error.isEmpty { transcript += "[stderr]\n" + result.error }
            transcript += "[exit \(result.status)]\n\n"
        }
        GoldenFile.check(Self.normalised(transcript, temporary: temporary), against: "golden/plan/\(name).txt")
    }

    /// Replaces what differs from run to run with placeholders.
    static func normalised(_ text: String, temporary: String) -> String {
        var result = text.replacingOccurrences(of: temporary, with: "$TMP")
        let replacements: [(String, String)] = [
            (#"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#, "<uid>"),
            (#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#, "<time>"),
            (#"kplan/\d+\.\d+\.\d+[^\s",]*"#, "kplan/<version>"),
            (#"pid \d+"#, "pid <pid>"),
        ]
        for (pattern, placeholder) in replacements {
            result = result.replacingOccurrences(of: pattern, with: placeholder, options: .regularExpression)
        }
        return result
    }
}
