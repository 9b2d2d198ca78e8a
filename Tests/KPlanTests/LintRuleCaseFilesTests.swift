import Foundation
import KPlanValidation
import Testing

/// Keeps `manifests/lint/rule-<id>/` in step with each lint rule's triggering examples, so the golden
/// suite has a case for every rule: one file per example (markers removed) and an `.case.json` that
/// runs that rule alone. `KPLAN_UPDATE_GOLDEN=1` rewrites them.
@Suite struct LintRuleCaseFilesTests {
    static func expectedFiles(for rule: LintRuleDescription) -> [String: String] {
        var files = [".case.json": "{ \"disableRules\": [\"all\"], \"enableRules\": [\"\(rule.id)\"] }\n"]
        for (index, example) in rule.triggeringExamples.enumerated() {
            var text = example.replacingOccurrences(of: "↓", with: "")
            if !text.hasSuffix("\n") { text += "\n" }
            files["triggering-\(index + 1).yaml"] = text
        }
        return files
    }

    @Test(arguments: LintRuleRegistry.all.map(\.ruleDescription.id))
    func caseFilesMatchTheRuleExamples(id: String) throws {
        let rule = try #require(LintRuleRegistry.rule(id)).ruleDescription
        let directory = "manifests/lint/rule-\(id)"
        let absolute = GoldenFile.repositoryRoot + "/" + directory
        let expected = Self.expectedFiles(for: rule)
        if GoldenFile.isRecording {
            try? FileManager.default.removeItem(atPath: absolute)
            try FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true)
            for (name, text) in expected {
                #expect(FileManager.default.createFile(atPath: "\(absolute)/\(name)", contents: Data(text.utf8)))
            }
            return
        }
        let present = Set((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? [])
        #expect(present == Set(expected.keys), "\(directory) is stale; re-record with KPLAN_UPDATE_GOLDEN=1")
        for (name, text) in expected {
            let actual = FileManager.default.contents(atPath: "\(absolute)/\(name)").map { String(decoding: $0, as: UTF8.self) }
            #expect(actual == text, "\(directory)/\(name) is stale; re-record with KPLAN_UPDATE_GOLDEN=1")
        }
    }
}

extension LintRuleCaseFilesTests {
    @Test func everyRuleCaseDirectoryBelongsToARule() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: GoldenFile.repositoryRoot + "/manifests/lint")
        let ruleDirectories = Set(names.filter { $0.hasPrefix("rule-") })
        let expected = Set(LintRuleRegistry.all.map { "rule-\($0.ruleDescription.id)" })
        #expect(ruleDirectories.subtracting(expected).isEmpty, "case directories for rules that no longer exist")
    }
}
