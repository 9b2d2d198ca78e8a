import KPlanCore
import KPlanDiff
import Testing

@Suite struct PlanOrderTests {
    static func change(_ key: ResourceKey, wave: Int) -> PlannedChange {
        PlannedChange(
            key: key, apiVersion: "v1", action: .unchanged, before: nil, after: nil, desired: nil, fields: FieldChanges(),
            wave: wave, liveUID: nil, liveResourceVersion: nil, source: nil)
    }

    /// Changes come by wave, then in `ResourceKey` order (namespace, group, kind, name), shorter
    /// names before the longer ones they begin.
    @Test func changesAreOrderedByWaveThenKey() {
        let keys = [
            ResourceKey(group: "", kind: "ConfigMap", namespace: "team", name: "ab"),
            ResourceKey(group: "apps", kind: "Deployment", namespace: "team", name: "a"),
            ResourceKey(group: "", kind: "ConfigMap", namespace: "team", name: "a"),
            ResourceKey(group: "", kind: "Namespace", namespace: "", name: "team"),
            ResourceKey(group: "", kind: "ConfigMap", namespace: "te", name: "z"),
            ResourceKey(group: "", kind: "Config", namespace: "team", name: "a"),
        ]
        let waves = [1, 1, 1, 0, 1, 2]
        let plan = Plan(changes: zip(keys, waves).reversed().map { Self.change($0, wave: $1) })
        #expect(plan.changes.map(\.wave) == [0, 1, 1, 1, 1, 2])
        let waveOne = plan.changes.filter { $0.wave == 1 }.map(\.key)
        #expect(waveOne == waveOne.sorted())
        #expect(waveOne.map(\.description) == [
            keys[4].description, keys[2].description, keys[0].description, keys[1].description,
        ])
    }
}
