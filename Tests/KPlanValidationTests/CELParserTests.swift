import Foundation
import KPlanCore
import KPlanYAML
import Testing

@testable import KPlanValidation

@Suite("CEL parser")
struct CELParserTests {
    /// Source texts that must parse, each with the value it evaluates to against `self: {}`.
    @Test(arguments: [
        ("1 + 2 * 3", "7"),
        ("(1 + 2) * 3", "9"),
        ("10 - 4 - 3", "3"),
        ("2 * 3 % 4", "2"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("--1", "1"),
        ("!!true", "true"),
        ("1u + 2u", "3"),
        ("0x1F", "31"),
        ("1.5 + 1e1", "11.5"),
        ("2.5e-1 * 4.0", "1"),
        (".5 + .5 + 1e3 + 1E-1 * 10.0", "1002"),
        ("'a' + \"b\"", "ab"),
        ("'''x'y'''", "x'y"),
        ("\"\"\"line\nnext\"\"\"", "line\nnext"),
        ("r'\\d+'", "\\d+"),
        ("R\"\\n\"", "\\n"),
        ("r'a\\'.size()", "2"),
        ("'\\n\\t\\\\'.size()", "3"),
        ("'\\x41\\u00e9\\U0001F600\\101'", "A\u{e9}\u{1F600}A"),
        ("b'abc'.size()", "3"),
        ("true ? 1 : 2", "1"),
        ("false ? 1 : true ? 2 : 3", "2"),
        ("1 < 2 == true", "true"),
        ("[1, 2, 3,][2]", "3"),
        ("{'a': 1, 'b': 2,}['b']", "2"),
        ("{}.size() + [].size()", "0"),
        ("1 in [1, 2] && !(3 in [1, 2])", "true"),
        ("[1, 2].map(x, x * 2)[1]", "4"),
        ("[1, 2, 3].map(x, x > 1, x * 10)[0]", "20"),
        ("[1, 2, 3].filter(x, x % 2 == 1).size()", "2"),
        ("// comment\n1 // trailing\n+ 1", "2"),
        ("null == null", "true"),
        ("has({'a': 1}.a)", "true"),
    ])
    func parsesAndEvaluates(source: String, expected: String) throws {
        let expression = try CELExpression.parse(source)
        let value = try expression.run(self: CELTestSupport.node("{}"), oldSelf: nil, maxSteps: 1000)
        #expect(try CELFunctions.string(value) == expected, "\(source)")
    }

    /// Source texts that must not parse, with the offset of the problem.
    @Test(arguments: [
        ("1 +", 3),
        ("(1 + 2", 6),
        ("'abc", 0),
        ("'a\nb'", 2),
        ("1 ? 2", 5),
        ("a.b.", 4),
        ("9223372036854775808", 0),
        ("-9223372036854775809", 0),
        ("'\\q'", 1),
        ("has(a)", 0),
        ("[1].all(1, true)", 4),
        ("x.map(y)", 2),
        ("x.filter(a, b, c)", 2),
        ("x.transformList(a, b)", 2),
        ("x.all(a, 1, c)", 2),
        ("1 2", 2),
        ("a.if", 2),
        ("nosuch(1)", 0),
        ("self.nosuch()", 5),
        ("a # b", 2),
        ("format.notAFormat()", 7),
    ])
    func rejects(source: String, offset: Int) {
        #expect(throws: CELParseError.self, "\(source)") { try CELExpression.parse(source) }
        do {
            _ = try CELExpression.parse(source)
        } catch {
            #expect(error.offset == offset, "\(source): \(error)")
        }
    }

    @Test func rejectsDeepNestingWithoutCrashing() {
        let nested = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        #expect(throws: CELParseError.self) { try CELExpression.parse(nested) }
        let chain = Array(repeating: "1", count: 100_000).joined(separator: " + ")
        #expect(throws: CELParseError.self) { try CELExpression.parse(chain) }
        let nots = String(repeating: "!", count: 100_000) + "true"
        #expect(throws: CELParseError.self) { try CELExpression.parse(nots) }
        let selects = "self" + String(repeating: ".a", count: 100_000)
        #expect(throws: CELParseError.self) { try CELExpression.parse(selects) }
        let calls = String(repeating: "size(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(throws: CELParseError.self) { try CELExpression.parse(calls) }
        let fine = Array(repeating: "1", count: 150).joined(separator: " + ") + " == 150"
        #expect(throws: Never.self) { try CELExpression.parse(fine) }
    }

    @Test func reportsOldSelfReferences() throws {
        #expect(try CELExpression.parse("self == oldSelf").referencesOldSelf)
        #expect(try CELExpression.parse("self.all(x, oldSelf.exists(y, y == x))").referencesOldSelf)
        #expect(try !CELExpression.parse("self.all(oldSelf, oldSelf > 0)").referencesOldSelf)
        #expect(try !CELExpression.parse("self.oldSelf == 1").referencesOldSelf)
        #expect(try !CELExpression.parse("self.all(i, oldSelf, oldSelf > i)").referencesOldSelf)
        #expect(try CELExpression.parse("self.all(i, v, oldSelf[i] == v)").referencesOldSelf)
    }

    @Test func cachedParsesAreShared() throws {
        let first = try CELExpression.cached("self.x == 1")
        let second = try CELExpression.cached("self.x == 1")
        #expect(first.source == second.source)
        #expect(throws: CELParseError.self) { try CELExpression.cached("self.x ==") }
        #expect(throws: CELParseError.self) { try CELExpression.cached("self.x ==") }
    }

    /// Every `x-kubernetes-validations` rule and messageExpression in the corpus CRDs parses.
    @Test func everyCorpusRuleParses() throws {
        let corpus = try #require(CELTestSupport.corpus, "the shared corpus is missing")
        var sources = Set<String>()
        for file in CELTestSupport.manifestFiles(under: corpus) {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard text.contains("x-kubernetes-validations") else { continue }
            for document in try CELTestSupport.documents(file) { collectRules(document, into: &sources) }
        }
        #expect(sources.count > 100, "found only \(sources.count) rules")
        for source in sources.sorted() {
            #expect(throws: Never.self, "\(source)") { try CELExpression.parse(source) }
        }
    }

    private func collectRules(_ node: Node, into sources: inout Set<String>) {
        if let entries = node.entries {
            for entry in entries {
                if entry.name == "x-kubernetes-validations", let rules = entry.value.items {
                    for rule in rules {
                        if let text = rule["rule"]?.scalar?.text { sources.insert(text) }
                        if let text = rule["messageExpression"]?.scalar?.text { sources.insert(text) }
                    }
                }
                collectRules(entry.value, into: &sources)
            }
        } else if let items = node.items {
            for item in items { collectRules(item, into: &sources) }
        }
    }
}
