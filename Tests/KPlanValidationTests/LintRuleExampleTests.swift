import KPlanCore
import Testing
@testable import KPlanValidation

/// One example of one rule, as a test argument.
struct LintRuleExample: CustomTestStringConvertible, Sendable {
    let rule: any LintRule
    let index: Int
    let triggering: Bool
    let text: String

    var testDescription: String { "\(rule.id) \(triggering ? "triggering" : "non-triggering") #\(index + 1)" }

    static let all: [LintRuleExample] = LintRuleRegistry.all.flatMap { rule in
        rule.ruleDescription.triggeringExamples.enumerated().map {
            LintRuleExample(rule: rule, index: $0.offset, triggering: true, text: $0.element)
        } + rule.ruleDescription.nonTriggeringExamples.enumerated().map {
            LintRuleExample(rule: rule, index: $0.offset, triggering: false, text: $0.element)
        }
    }
}

@Suite struct LintRuleExampleTests {
    @Test(arguments: LintRuleExample.all)
    func ruleFindsExactlyTheMarkedNodes(_ example: LintRuleExample) {
        let marked = LintMarkedExample(example.text)
        let loaded = lintResources(marked.text)
        #expect(loaded.diagnostics.isEmpty, "the example is not valid YAML: \(loaded.diagnostics)")
        #expect(!loaded.resources.isEmpty)
        if example.triggering {
            #expect(!marked.markers.isEmpty, "a triggering example must mark where findings start with ↓")
        } else {
            #expect(marked.markers.isEmpty, "a non-triggering example must not contain ↓")
        }
        let findings = lintFindings(example.rule, marked.text)
        let starts = findings.map(\.range.start)
        #expect(Set(starts) == marked.markers, "findings: \(findings.map { "\($0.range.start) \($0.message)" })")
        #expect(starts.count == Set(starts).count, "two findings start at the same node")
        for finding in findings {
            #expect(!finding.message.isEmpty)
        }
    }
}
