import KPlanCore
@testable import KPlanSimulator
import Testing

/// `ValueMerge` returns the live value itself where the merge changes nothing and the merged value
/// everywhere else: each case below changes the live object in one way the merge must not lose.
@Suite struct FieldManagementValueMergeTests {
    private typealias Support = FieldManagementTestSupport

    private static let live = Support.json("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default, labels: {app: web}}
        spec:
          replicas: 2
          paused: false
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: a
                image: nginx:1.0
                args: [p, q]
                env: [{name: A, value: "1"}, {name: B, value: "2"}]
              - name: b
                image: busybox
        """)

    private func merge(_ applied: String) throws -> JSONValue? {
        try ValueMerge.merge(
            Self.live, Support.json(applied), type: FieldType(schema: Support.schema("apps/v1", "Deployment")))
    }

    /// The live object with `change` made at `path`.
    private func live(_ path: [String], _ change: (inout JSONValue) -> Void) -> JSONValue {
        var value = Self.live
        var inner = value[path: path] ?? .null
        change(&inner)
        value.set(inner, at: path)
        return value
    }

    private func containers(_ items: [JSONValue]) -> JSONValue {
        var value = Self.live
        value.set(.array(items), at: ["spec", "template", "spec", "containers"])
        return value
    }

    private var a: JSONValue { Self.live[path: "spec", "template", "spec", "containers"]!.array![0] }
    private var b: JSONValue { Self.live[path: "spec", "template", "spec", "containers"]!.array![1] }

    @Test func repeatingTheLiveValuesChangesNothing() throws {
        #expect(try merge("spec: {replicas: 2, template: {spec: {containers: [{name: a, args: [p, q]}, {name: b}]}}}") == Self.live)
        #expect(try merge("metadata: {labels: {app: web}}") == Self.live)
    }

    @Test func reorderedItemsTakeTheAppliedOrder() throws {
        #expect(try merge("spec: {template: {spec: {containers: [{name: b}, {name: a}]}}}") == containers([b, a]))
        #expect(try merge("spec: {template: {spec: {containers: [{name: b, image: busybox}, {name: a, image: nginx:1.0}]}}}") == containers([b, a]))
    }

    @Test func aChangeDeepInAKeyedItemIsKept() throws {
        let merged = try merge(#"spec: {template: {spec: {containers: [{name: a, env: [{name: B, value: "3"}]}]}}}"#)
        var env = a["env"]!.array!
        env[1]["value"] = "3"
        var changed = a
        changed["env"] = .array(env)
        #expect(merged == containers([changed, b]))
    }

    @Test func newItemsAndMembersAreAdded() throws {
        #expect(try merge("spec: {template: {spec: {containers: [{name: a}, {name: b}, {name: c}]}}}") == containers([a, b, ["name": "c"]]))
        #expect(try merge("spec: {minReadySeconds: 5}") == live(["spec", "minReadySeconds"]) { $0 = 5 })
    }

    @Test func nullRemovesALiveMemberAndIsKeptWhereThereIsNone() throws {
        #expect(try merge("spec: {paused: null}") == live(["spec"]) { $0["paused"] = nil })
        #expect(try merge("spec: {minReadySeconds: null}") == live(["spec", "minReadySeconds"]) { $0 = .null })
    }

    @Test func atomicListsAndScalarsAreReplacedWhenTheyDiffer() throws {
        var changed = a
        changed["args"] = ["q", "p"]
        #expect(try merge("spec: {template: {spec: {containers: [{name: a, args: [q, p]}]}}}") == containers([changed, b]))
        #expect(try merge("spec: {replicas: \"2\"}") == live(["spec", "replicas"]) { $0 = "2" })
    }

    @Test func aRepeatedLiveItemKeepsOnlyTheFirst() throws {
        var second = a
        second["image"] = "nginx:2.0"
        let live = containers([a, second, b])
        let merged = try ValueMerge.merge(
            live, Support.json("spec: {template: {spec: {containers: [{name: a}]}}}"),
            type: FieldType(schema: Support.schema("apps/v1", "Deployment")))
        #expect(merged == containers([a, b]))
    }
}

