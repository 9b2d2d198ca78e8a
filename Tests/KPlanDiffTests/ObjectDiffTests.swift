import KPlanCore
import KPlanValidation
import Testing
import KPlanDiff

private func schema(_ apiVersion: String, _ kind: String) throws -> Schema {
    let registry = try SchemaRegistry.builtin()
    guard case .found(let schema) = registry.lookup(GroupVersionKind(apiVersion: apiVersion, kind: kind)) else {
        Issue.record("no schema for \(kind)")
        throw SchemaMissing()
    }
    return schema
}

private struct SchemaMissing: Error {}

private func deployment(_ containers: [JSONValue], replicas: JSONValue = 2) -> JSONValue {
    [
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "namespace": "prod"],
        "spec": ["replicas": replicas, "template": ["spec": ["containers": .array(containers)]]],
    ]
}

private func paths(_ list: [FieldPath]) -> [String] { list.map(\.description) }

@Suite struct ObjectDiffTests {
    @Test func containersEnvAndPortsMergeByKey() throws {
        let before = deployment([
            ["name": "app", "image": "nginx:1.26", "ports": [["containerPort": 80, "protocol": "TCP"], ["containerPort": 9090, "protocol": "TCP"]]],
            ["name": "side", "image": "busybox"],
        ])
        let after = deployment([
            ["name": "side", "image": "busybox"],
            ["name": "app", "image": "nginx:1.27", "env": [["name": "MODE", "value": "fast"]],
             "ports": [["containerPort": 80, "protocol": "TCP"]]],
        ])
        let changes = ObjectDiff.compare(before: before, after: after, schema: try schema("apps/v1", "Deployment"))
        let container = ".spec.template.spec.containers[name=\"app\"]"
        #expect(paths(changes.added) == ["\(container).env[name=\"MODE\"].name", "\(container).env[name=\"MODE\"].value"])
        #expect(paths(changes.modified) == ["\(container).image"])
        #expect(paths(changes.removed) == [
            "\(container).ports[containerPort=9090,protocol=\"TCP\"].containerPort",
            "\(container).ports[containerPort=9090,protocol=\"TCP\"].protocol",
        ])
    }

    @Test func atomicListsChangeAsOneValue() throws {
        let before = deployment([["name": "app", "args": ["--a", "--b"]]])
        let after = deployment([["name": "app", "args": ["--a", "--c"]]])
        let changes = ObjectDiff.compare(before: before, after: after, schema: try schema("apps/v1", "Deployment"))
        #expect(paths(changes.modified) == [".spec.template.spec.containers[name=\"app\"].args"])
        #expect(changes.added.isEmpty && changes.removed.isEmpty)
    }

    @Test func setListsCompareByValue() throws {
        let before: JSONValue = ["metadata": ["name": "a", "finalizers": ["x", "y"]]]
        let after: JSONValue = ["metadata": ["name": "a", "finalizers": ["y", "z"]]]
        let changes = ObjectDiff.compare(before: before, after: after, schema: try schema("v1", "ConfigMap"))
        #expect(paths(changes.added) == [".metadata.finalizers[=\"z\"]"])
        #expect(paths(changes.removed) == [".metadata.finalizers[=\"x\"]"])
        #expect(changes.modified.isEmpty)
    }

    @Test func withoutSchemaListsCompareByIndexAndMapsByField() {
        let before: JSONValue = ["spec": ["items": [1, 2, 3], "a": ["b": "c"]]]
        let after: JSONValue = ["spec": ["items": [1, 5], "a": ["b": "c", "d": true]]]
        let changes = ObjectDiff.compare(before: before, after: after, schema: nil)
        #expect(paths(changes.added) == [".spec.a.d"])
        #expect(paths(changes.modified) == [".spec.items[1]"])
        #expect(paths(changes.removed) == [".spec.items[2]"])
    }

    @Test func emptyCollectionsAndNullsAreLeaves() {
        let before: JSONValue = ["metadata": ["annotations": [:]], "x": .null, "y": .null]
        let after: JSONValue = ["metadata": ["labels": [:]], "spec": ["list": []], "x": .null, "y": 1]
        let changes = ObjectDiff.compare(before: before, after: after, schema: nil)
        #expect(paths(changes.added) == [".metadata.labels", ".spec.list"])
        #expect(paths(changes.modified) == [".y"])
        #expect(paths(changes.removed) == [".metadata.annotations"])
    }

    @Test func createAndDeleteListEveryLeaf() {
        let object: JSONValue = ["kind": "ConfigMap", "data": ["a": "1", "b": "2"]]
        #expect(paths(ObjectDiff.compare(before: nil, after: object, schema: nil).added) == [".data.a", ".data.b", ".kind"])
        #expect(paths(ObjectDiff.compare(before: object, after: nil, schema: nil).removed) == [".data.a", ".data.b", ".kind"])
    }

    @Test func numbersCompareByValueAndTypeChangesAreModifications() {
        #expect(ObjectDiff.compare(before: ["n": 2], after: ["n": 2.0], schema: nil).isEmpty)
        let changes = ObjectDiff.compare(before: ["n": ["a": 1]], after: ["n": "text"], schema: nil)
        #expect(paths(changes.modified) == [".n"])
    }

    @Test func identicalObjectsHaveNoChanges() throws {
        let object = deployment([["name": "app", "image": "nginx", "ports": [["containerPort": 80]]]])
        #expect(ObjectDiff.compare(before: object, after: object, schema: try schema("apps/v1", "Deployment")).isEmpty)
    }
}
