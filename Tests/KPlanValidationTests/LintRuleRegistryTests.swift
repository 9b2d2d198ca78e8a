import KPlanCore
import Testing
@testable import KPlanValidation

@Suite struct LintRuleRegistryTests {
    @Test func rulesAreSortedByUniqueID() {
        let ids = LintRuleRegistry.all.map(\.id)
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        #expect(LintRuleRegistry.ids == Set(ids))
    }

    @Test func thereAreAtLeastThirtyRules() {
        #expect(LintRuleRegistry.all.count >= 30)
    }

    @Test(arguments: LintRuleRegistry.all.map(\.id))
    func ruleDescribesItself(id: String) throws {
        let rule = try #require(LintRuleRegistry.rule(id))
        let description = rule.ruleDescription
        let kebab = description.id.split(separator: "-", omittingEmptySubsequences: false)
        #expect(!kebab.isEmpty && kebab.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase || $0.isNumber } })
        #expect(description.code == "lint.\(id)")
        #expect(!description.summary.isEmpty && !description.summary.contains("\n"))
        #expect(!description.remediation.isEmpty && !description.remediation.contains("\n"))
        #expect(!description.triggeringExamples.isEmpty)
        #expect(!description.nonTriggeringExamples.isEmpty)
    }

    @Test func ruleLookupAcceptsCodes() {
        #expect(LintRuleRegistry.rule("lint.latest-tag")?.id == "latest-tag")
        #expect(LintRuleRegistry.rule("no-such-rule") == nil)
    }

    @Test func markdownTableHasARowPerRule() {
        let lines = LintRuleRegistry.markdownTable().split(separator: "\n")
        #expect(lines.count == LintRuleRegistry.all.count + 2)
        #expect(lines.contains { $0.hasPrefix("| `latest-tag` | warning | on | ") })
        #expect(lines.contains { $0.hasPrefix("| `missing-cpu-limit` | info | off | ") })
    }
}
