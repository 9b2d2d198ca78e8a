import Foundation
import Testing
@testable import KPlanValidation

@Suite struct LintRuleRegistryFreshnessTests {
    /// The protocols a rule type conforms to.
    private static let ruleProtocols = [": LintRule", ": LintObjectRule", ": LintSetRule"]

    /// The rule types declared in `Sources/KPlanValidation/Lint/Rules`, read from the sources.
    private func declaredRuleTypes() throws -> Set<String> {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let rules = tests.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/KPlanValidation/Lint/Rules")
        var names: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: rules.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: rules.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("struct ") && Self.ruleProtocols.contains(where: line.contains) {
                names.insert(String(line.dropFirst(7).prefix { $0 != ":" }))
            }
        }
        return names
    }

    @Test func everyRuleInTheRulesDirectoryIsRegistered() throws {
        let registered = Set(LintRuleRegistry.all.map { String(describing: type(of: $0)) })
        let declared = try declaredRuleTypes()
        #expect(!declared.isEmpty)
        #expect(declared == registered)
    }
}
