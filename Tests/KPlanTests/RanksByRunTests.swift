@testable import KPlan
import Testing

@Suite struct RanksByRunTests {
    /// Each element gets its key's rank, and the rank is asked for once per run of equal keys.
    @Test func ranksAreLookedUpOncePerRun() {
        let files = ["b.yaml", "b.yaml", "a.yaml", "a.yaml", "a.yaml", "b.yaml", "c.yaml"]
        var asked: [String] = []
        let ranks = files.ranksByRun(of: { $0 }) { file in
            asked.append(file)
            return ["a.yaml": 0, "b.yaml": 1, "c.yaml": 2][file]!
        }
        #expect(ranks == [1, 1, 0, 0, 0, 1, 2])
        #expect(asked == ["b.yaml", "a.yaml", "b.yaml", "c.yaml"])
        #expect([String]().ranksByRun(of: { $0 }) { _ in 0 }.isEmpty)
    }
}
