import KPlanCore
import Testing
@testable import KPlanYAML

private func load(_ text: String) -> YAMLStream {
    YAMLLoader.load(Array(text.utf8), file: "t.yaml")
}

@Suite struct YAMLLoaderTests {
    @Test func positionsAreOneBasedOnKeysAndValues() throws {
        let stream = load("kind: Pod\nmetadata:\n  name: web\n")
        let root = try #require(stream.documents.first?.root)
        let entry = try #require(root["metadata"]?.entry("name"))
        #expect(entry.key.range.start == SourcePosition(line: 3, column: 3))
        #expect(entry.value.range.start == SourcePosition(line: 3, column: 9))
        #expect(entry.value.string == "web")
    }

    @Test func multipleDocumentsKeepTheirIndexes() {
        let stream = load("a: 1\n---\n---\nb: 2\n")
        #expect(stream.documents.map(\.index) == [0, 1, 2])
        #expect(stream.documents[1].isEmpty)
        #expect(stream.diagnostics.isEmpty)
    }

    @Test func duplicateKeysReportBothPositions() throws {
        let stream = load("a: 1\nb: 2\na: 3\n")
        let diagnostic = try #require(stream.diagnostics.first)
        #expect(diagnostic.code == "yaml.duplicate-key")
        #expect(diagnostic.location.range.start == SourcePosition(line: 3, column: 1))
        #expect(diagnostic.notes.first?.location?.range.start == SourcePosition(line: 1, column: 1))
    }

    @Test func aliasesAndMergeKeysResolve() throws {
        let stream = load("base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n")
        let root = try #require(stream.documents.first?.root)
        #expect(root["derived"]?["x"]?.int == 1)
        #expect(root["derived"]?["y"]?.int == 3)
        #expect(stream.diagnostics.isEmpty)
    }

    @Test func billionLaughsIsRefused() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let stream = load(text)
        #expect(stream.diagnostics.map(\.code) == ["yaml.alias-expansion"])
        #expect(stream.documents.isEmpty)
    }

    @Test(arguments: [(21, [String]()), (20, ["yaml.alias-expansion"])])
    func aliasExpansionCountsEveryNodeOfTheAliasedSubtree(limit: Int, expected: [String]) {
        // a is 5 nodes; d expands two of them and is 11 nodes itself; e expands d: 10 + 11 = 21.
        let text = "a: &a [1, [2, 3]]\nd: &d [*a, *a]\ne: *d\n"
        let stream = YAMLLoader.load(Array(text.utf8), file: "t.yaml", limits: YAMLLimits(maxAliasExpansion: limit))
        #expect(stream.diagnostics.map(\.code) == expected)
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let stream = load(text)
        #expect(stream.diagnostics.map(\.code) == ["yaml.too-deep"])
    }

    @Test func tabsAreASyntaxErrorWithAPosition() throws {
        let stream = load("a:\n\tb: 1\n")
        let diagnostic = try #require(stream.diagnostics.first)
        #expect(diagnostic.code == "yaml.syntax")
        #expect(diagnostic.location.range.start.line == 2)
    }

    @Test func invalidUTF8AndGarbageAreDiagnosed() {
        #expect(YAMLLoader.load([0x61, 0x3A, 0x20, 0xFF, 0xFE, 0x0A], file: "t").diagnostics.map(\.code) == ["yaml.syntax"])
        #expect(YAMLLoader.load([0x00, 0x01, 0x02, 0x7F, 0x1B], file: "t").diagnostics.map(\.code) == ["yaml.syntax"])
    }

    @Test func plainBase60ScalarsWarnButQuotedOnesDoNot() throws {
        let stream = load("a: 12:30\nb: \"12:30\"\n")
        #expect(stream.diagnostics.map(\.code) == ["yaml.sexagesimal"])
        #expect(stream.diagnostics.first?.location.range.start == SourcePosition(line: 1, column: 4))
        #expect(stream.documents.first?.root["a"]?.string == "12:30")
    }

    @Test func truncatedInputIsDiagnosed() {
        #expect(load("a: \"unterminated\n").diagnostics.map(\.code) == ["yaml.syntax"])
        #expect(load("a: [1, 2\n").diagnostics.map(\.code) == ["yaml.syntax"])
    }
}

@Suite struct ScalarResolverTests {
    @Test(arguments: [
        ("yes", ScalarValue.bool(true)), ("No", .bool(false)), ("ON", .bool(true)), ("off", .bool(false)),
        ("y", .bool(true)), ("N", .bool(false)), ("yEs", .string("yEs")),
        ("0755", .int(493)), ("0x1F", .int(31)), ("0o17", .int(15)), ("0b101", .int(5)), ("-0b101", .int(-5)),
        ("1_000", .int(1000)), ("12:30", .string("12:30")), ("1.5", .float(1.5)), ("1e3", .float(1000)),
        ("~", .null), ("null", .null), ("", .null), (".inf", .float(.infinity)), ("08", .float(8)),
        ("2001-12-14", .string("2001-12-14")), ("500Mi", .string("500Mi")), ("+12", .int(12)),
    ])
    func plainScalarsResolveLikeGoYAMLv2(text: String, expected: ScalarValue) {
        #expect(ScalarResolver.resolvePlain(text) == expected)
    }

    @Test(arguments: [
        ("true", ScalarValue.bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("tRUE", .string("tRUE")),
        ("TRue", .string("TRue")), ("false", .bool(false)), ("FALSE", .bool(false)), ("Off", .bool(false)),
        ("oN", .string("oN")), ("Yes", .bool(true)), ("YES", .bool(true)), ("n", .bool(false)), ("Y", .bool(true)),
        ("o", .string("o")), ("t", .string("t")), ("nO", .string("nO")), ("NULL", .null), ("Null", .null),
        ("nULL", .string("nULL")), ("name", .string("name")), ("nul", .string("nul")), ("~~", .string("~~")),
        ("yess", .string("yess")), ("truex", .string("truex")), (".Inf", .float(.infinity)),
        ("+.INF", .float(.infinity)), ("-.inf", .float(-.infinity)), ("-.Inf", .float(-.infinity)),
        (".iNF", .string(".iNF")), (".5", .float(0.5)), (".", .string(".")), ("._5", .float(0.5)),
        ("0_x1F", .int(31)), ("_", .string("_")), ("-", .string("-")), ("+", .string("+")), ("0x", .string("0x")),
        ("-0", .int(0)), ("0", .int(0)), ("09", .float(9)), ("0o8", .string("0o8")), ("0b2", .string("0b2")),
        ("-9223372036854775808", .int(.min)), ("9223372036854775807", .int(.max)),
        ("9223372036854775808", .float(9223372036854775808)), ("0xFFFFFFFFFFFFFFFFF", .string("0xFFFFFFFFFFFFFFFFF")),
        ("1_0.5", .float(10.5)), ("1.", .float(1)), ("1e", .string("1e")), ("-1.5E-3", .float(-0.0015)),
        ("1.5.1", .string("1.5.1")), ("+-1", .string("+-1")), ("8080", .int(8080)), ("1Gi", .string("1Gi")),
        ("café", .string("café")), ("ñ", .string("ñ")),
    ])
    func edgeCaseScalarsResolveLikeGoYAMLv2(text: String, expected: ScalarValue) {
        #expect(ScalarResolver.resolvePlain(text) == expected)
    }

    @Test(arguments: [
        ("12:30", true), ("1:20:30.5", true), ("-1:30", true), ("190:20:30", true), ("12:3a", false),
        ("12:", false), (":30", false), ("12:345", false), ("1.5", false), ("10.0.0.1:80", false), ("a:b", false),
    ])
    func sexagesimalNumbersAreRecognised(text: String, expected: Bool) {
        #expect(ScalarResolver.isSexagesimal(text) == expected)
    }

    @Test func quotedAndTaggedScalarsFollowTheirStyleAndTag() {
        #expect(ScalarResolver.resolve("yes", style: .doubleQuoted, tag: nil) == .string("yes"))
        #expect(ScalarResolver.resolve("12", style: .plain, tag: "tag:yaml.org,2002:str") == .string("12"))
        #expect(ScalarResolver.resolve("12", style: .singleQuoted, tag: "tag:yaml.org,2002:int") == .int(12))
    }
}
