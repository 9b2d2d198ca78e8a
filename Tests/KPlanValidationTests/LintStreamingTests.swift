import KPlanCore
import Testing
@testable import KPlanValidation

/// The ways to lint a whole input set, which must agree: `run(on:)`, a whole-set `LintContext` with
/// `lint(_:in:)` per resource, and the streaming calls (`lintObject`, `facts(of:in:)`, `lintSet`)
/// with each resource seen once.
private struct LintPaths {
    let engine: LintEngine

    func run(_ resources: [Resource]) -> [Diagnostic] {
        engine.run(on: resources)
    }

    func wholeSetContext(_ resources: [Resource]) -> [Diagnostic] {
        let context = engine.context(for: resources)
        return resources.flatMap { engine.lint($0, in: context) }.sorted()
    }

    func streaming(_ resources: [Resource]) -> [Diagnostic] {
        let context = engine.objectContext()
        var diagnostics: [Diagnostic] = []
        var facts: [LintObjectFacts] = []
        for resource in resources {
            diagnostics += engine.lintObject(resource, in: context)
            if let fact = engine.facts(of: resource, in: context) { facts.append(fact) }
        }
        return (diagnostics + engine.lintSet(facts)).sorted()
    }
}

/// Every example of every rule, with `↓` markers removed, one YAML stream each.
private let allExamples: [String] = LintRuleRegistry.all.flatMap { rule in
    (rule.ruleDescription.triggeringExamples + rule.ruleDescription.nonTriggeringExamples).map { LintMarkedExample($0).text }
}

/// `diagnostic` with its notes in a fixed order (the order of notes naming other objects follows the
/// input order).
private func withSortedNotes(_ diagnostic: Diagnostic) -> Diagnostic {
    var sorted = diagnostic
    sorted.notes.sort { "\($0)" < "\($1)" }
    return sorted
}

@Suite struct LintStreamingTests {
    private let everyRule = LintPaths(engine: LintEngine(configuration: LintConfiguration(enable: ["all"])))

    @Test(arguments: LintRuleExample.all)
    func everyPathGivesTheSameDiagnosticsOnEachExample(_ example: LintRuleExample) {
        let resources = lintResources(LintMarkedExample(example.text).text).resources
        let expected = everyRule.run(resources)
        #expect(everyRule.wholeSetContext(resources) == expected)
        #expect(everyRule.streaming(resources) == expected)
        if example.triggering {
            #expect(expected.contains { $0.code == example.rule.ruleDescription.code })
        }
    }

    @Test func theEngineFindsWhatEachRuleFindsAlone() {
        for example in LintRuleExample.all where example.triggering {
            let text = LintMarkedExample(example.text).text
            let code = example.rule.ruleDescription.code
            let alone = lintFindings(example.rule, text).map { "\($0.range.start) \($0.message)" }.sorted()
            let viaEngine = everyRule.streaming(lintResources(text).resources).filter { $0.code == code }
                .map { "\($0.location.range.start) \($0.message)" }.sorted()
            #expect(viaEngine == alone, "\(example.testDescription)")
        }
    }

    @Test func everyPathAgreesOnAllExamplesTogetherSpreadOverFiles() {
        var resources: [Resource] = []
        for (index, text) in allExamples.enumerated() {
            resources += lintResources(text, file: "example-\(index % 7).yaml").resources
        }
        let expected = everyRule.run(resources)
        #expect(!expected.isEmpty)
        #expect(Set(expected.map(\.code)).count > 30)
        #expect(everyRule.wholeSetContext(resources) == expected)
        #expect(everyRule.streaming(resources) == expected)
        #expect(Set(everyRule.streaming(resources.reversed()).map(withSortedNotes)) == Set(expected.map(withSortedNotes)))
    }

    @Test func defaultRulesAgreeToo() {
        let paths = LintPaths(engine: LintEngine())
        let resources = allExamples.flatMap { lintResources($0).resources }
        let expected = paths.run(resources)
        #expect(!expected.isEmpty)
        #expect(paths.wholeSetContext(resources) == expected)
        #expect(paths.streaming(resources) == expected)
    }

    @Test func lintObjectAndFactsIsBothCallsInOne() {
        let engine = everyRule.engine
        let context = engine.objectContext()
        for resource in allExamples.flatMap({ lintResources($0).resources }) {
            let both = engine.lintObjectAndFacts(resource, in: context)
            #expect(both.diagnostics == engine.lintObject(resource, in: context))
            #expect((both.facts == nil) == (engine.facts(of: resource, in: context) == nil))
        }
    }

    @Test func crossObjectRulesReportOnlyFromLintSet() {
        let engine = everyRule.engine
        let context = engine.objectContext()
        let setCodes = Set(LintRuleRegistry.all.filter { $0 is any LintSetRule }.map(\.ruleDescription.code))
        #expect(setCodes.count == 12)
        for example in LintRuleExample.all where example.triggering {
            let resources = lintResources(LintMarkedExample(example.text).text).resources
            let perObject = Set(resources.flatMap { engine.lintObject($0, in: context) }.map(\.code))
            let crossObject = Set(engine.lintSet(resources.compactMap { engine.facts(of: $0, in: context) }).map(\.code))
            #expect(perObject.isDisjoint(with: setCodes.subtracting(["lint.pdb-blocks-eviction"])), "\(example.testDescription)")
            #expect(crossObject.isSubset(of: setCodes), "\(example.testDescription)")
            #expect((perObject.union(crossObject)).contains(example.rule.ruleDescription.code), "\(example.testDescription)")
        }
    }
}
