import KPlanCore
import Testing
@testable import KPlanOutput

@Suite struct SourceSnippetTests {
    private func snippet(_ line: String, _ start: Int, _ end: Int, endLine: Int = 1) -> SourceSnippet {
        SourceSnippet(line: line, range: SampleReport.range(1, start, endLine, end))
    }

    @Test func zeroWidthRangeGivesOneCaret() {
        #expect(snippet("abc", 2, 2).marker == " ^")
    }

    @Test func rangeOnOneLineIsUnderlined() {
        let result = snippet("key: value", 6, 11)
        #expect(result.source == "key: value")
        #expect(result.marker == "     ^~~~~")
    }

    @Test func rangeRunningOntoLaterLinesIsMarkedToTheEndOfTheFirst() {
        #expect(snippet("key: value", 6, 3, endLine: 4).marker == "     ^~~~~")
    }

    @Test func longLinesAreShownAsAWindowAroundTheRange() {
        let line = String(repeating: "a", count: 300) + "XYZ" + String(repeating: "b", count: 300)
        let result = snippet(line, 301, 304)
        #expect(result.source == "…" + String(repeating: "a", count: 40) + "XYZ" + String(repeating: "b", count: 117) + "…")
        #expect(result.marker == String(repeating: " ", count: 41) + "^~~")
    }

    @Test func longLinesKeepTheirStartWhenTheRangeIsNearIt() {
        let line = "key: " + String(repeating: "v", count: 400)
        let result = snippet(line, 6, 7)
        #expect(result.source == "key: " + String(repeating: "v", count: 155) + "…")
        #expect(result.marker == "     ^")
    }

    @Test func caretPastTheEndOfTheLineIsStillShown() {
        #expect(snippet("ab", 4, 4).marker == "   ^")
    }

    @Test func tabsExpandToTabStopsInBothLines() {
        let result = snippet("\tx\ty", 4, 5)
        #expect(result.source == "        x       y")
        #expect(result.marker == "                ^")
    }

    @Test func wideCharacterUnderTheCaretTakesTwoCells() {
        #expect(snippet("a日b", 2, 3).marker == " ^")
        #expect(snippet("a日b", 2, 4).marker == " ^~~")
        #expect(snippet("🚀x", 2, 3).marker == "  ^")
    }

    @Test func combiningMarksTakeNoCell() {
        #expect(snippet("e\u{301}x", 3, 4).marker == " ^")
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("日") == 2)
        #expect(DisplayWidth.of("한") == 2)
        #expect(DisplayWidth.of("Ａ") == 2)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("\u{1F321}") == 1)
    }
}
