import Testing
import KPlanOutput

private func numbered(_ count: Int) -> [String] { (1...count).map { "line \($0)" } }

private func replacing(_ lines: [String], at indexes: [Int]) -> [String] {
    var result = lines
    for index in indexes { result[index] = "changed \(index + 1)" }
    return result
}

@Suite struct UnifiedDiffTests {
    @Test func equalSidesHaveNoHunks() {
        #expect(UnifiedDiff(before: numbered(5), after: numbered(5)).hunks.isEmpty)
        #expect(UnifiedDiff(before: [], after: []).hunks.isEmpty)
    }

    @Test func oneChangeGetsThreeLinesOfContextEachSide() throws {
        let diff = UnifiedDiff(before: numbered(20), after: replacing(numbered(20), at: [9]))
        let hunk = try #require(diff.hunks.first)
        #expect(diff.hunks.count == 1)
        #expect(hunk.header == "@@ -7,7 +7,7 @@")
        #expect(hunk.lines == [
            .context("line 7"), .context("line 8"), .context("line 9"), .removed("line 10"), .added("changed 10"),
            .context("line 11"), .context("line 12"), .context("line 13"),
        ])
    }

    @Test func changesSixLinesApartShareAHunkSevenApartDoNot() {
        let shared = UnifiedDiff(before: numbered(30), after: replacing(numbered(30), at: [9, 16]))
        #expect(shared.hunks.map(\.header) == ["@@ -7,14 +7,14 @@"])
        let split = UnifiedDiff(before: numbered(30), after: replacing(numbered(30), at: [9, 17]))
        #expect(split.hunks.map(\.header) == ["@@ -7,7 +7,7 @@", "@@ -15,7 +15,7 @@"])
    }

    @Test func contextStopsAtTheEdges() {
        let diff = UnifiedDiff(before: numbered(4), after: replacing(numbered(4), at: [0, 3]))
        #expect(diff.hunks.map(\.header) == ["@@ -1,4 +1,4 @@"])
        let single = UnifiedDiff(before: ["a"], after: ["b"])
        #expect(single.hunks.map(\.header) == ["@@ -1 +1 @@"])
    }

    @Test func wholeFileAddedOrRemovedStartsAtZero() {
        #expect(UnifiedDiff(before: [], after: numbered(3)).hunks.map(\.header) == ["@@ -0,0 +1,3 @@"])
        #expect(UnifiedDiff(before: numbered(3), after: []).hunks.map(\.header) == ["@@ -1,3 +0,0 @@"])
    }

    @Test func insertionsAndDeletionsShiftTheAfterSide() throws {
        var after = numbered(12)
        after.insert("new", at: 2)
        after.remove(at: 10)
        let diff = UnifiedDiff(before: numbered(12), after: after)
        #expect(diff.hunks.map(\.header) == ["@@ -1,5 +1,6 @@", "@@ -7,6 +8,5 @@"])
        let last = try #require(diff.hunks.last)
        #expect(last.lines.filter { if case .removed = $0 { true } else { false } } == [.removed("line 10")])
    }
}
