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

/// The root schema of a CRD's `Gadget` kind whose spec has a keyed list, an atomic map and a
/// `patchStrategy`-keyed list, compiled as the lint module compiles CRDs.
private func gadgetSchema() throws -> Schema {
    let crd: JSONValue = [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": "gadgets.example.com"],
        "spec": [
            "group": "example.com", "scope": "Namespaced",
            "names": ["kind": "Gadget", "plural": "gadgets", "singular": "gadget", "listKind": "GadgetList"],
            "versions": [[
                "name": "v1", "served": true, "storage": true,
                "schema": ["openAPIV3Schema": [
                    "type": "object",
                    "properties": ["spec": [
                        "type": "object",
                        "properties": [
                            "routes": [
                                "type": "array", "x-kubernetes-list-type": "map",
                                "x-kubernetes-list-map-keys": ["host", "port"],
                                "items": ["type": "object", "properties": [
                                    "host": ["type": "string"], "port": ["type": "integer"], "weight": ["type": "integer"],
                                ]],
                            ],
                            "selector": [
                                "type": "object", "x-kubernetes-map-type": "atomic",
                                "additionalProperties": ["type": "string"],
                            ],
                        ],
                    ]],
                ]],
            ]],
        ],
    ]
    let range = SourceRange(at: SourcePosition(line: 1, column: 1))
    let resource = Resource(
        file: "crd.yaml", documentIndex: 0, node: crd.node(at: range),
        gvk: GroupVersionKind(apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition"),
        name: "gadgets.example.com", namespace: nil)
    let (compiled, diagnostics) = CRDCompiler.compile(resource)
    #expect(diagnostics.isEmpty)
    let registry = try SchemaRegistry.builtin().adding(crds: [#require(compiled)])
    guard case .found(let schema) = registry.lookup(GroupVersionKind(apiVersion: "example.com/v1", kind: "Gadget")) else {
        throw SchemaMissing()
    }
    return schema
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

    @Test func customResourcesFollowTheirCRDListKeysAndAtomicMaps() throws {
        let before: JSONValue = ["spec": [
            "routes": [["host": "a", "port": 80, "weight": 1], ["host": "a", "port": 443, "weight": 1]],
            "selector": ["app": "web", "tier": "front"],
        ]]
        let after: JSONValue = ["spec": [
            "routes": [["host": "a", "port": 443, "weight": 5], ["host": "a", "port": 80, "weight": 1]],
            "selector": ["app": "web"],
        ]]
        let changes = ObjectDiff.compare(before: before, after: after, schema: try gadgetSchema())
        #expect(paths(changes.modified) == [".spec.routes[host=\"a\",port=443].weight", ".spec.selector"])
        #expect(changes.added.isEmpty && changes.removed.isEmpty)
    }

    @Test func servicePortsAndPodVolumesMatchByTheirKeys() throws {
        let before: JSONValue = ["spec": ["ports": [["port": 80, "protocol": "TCP", "targetPort": 8080]]]]
        let after: JSONValue = ["spec": ["ports": [
            ["port": 80, "protocol": "UDP", "targetPort": 8080], ["port": 80, "protocol": "TCP", "targetPort": 9090],
        ]]]
        let service = ObjectDiff.compare(before: before, after: after, schema: try schema("v1", "Service"))
        #expect(paths(service.modified) == [".spec.ports[port=80,protocol=\"TCP\"].targetPort"])
        #expect(service.added.count == 3)
        let pod = ObjectDiff.compare(
            before: ["spec": ["volumes": [["name": "data", "emptyDir": [:]]]]],
            after: ["spec": ["volumes": [["name": "data", "emptyDir": ["medium": "Memory"]]]]],
            schema: try schema("v1", "Pod"))
        #expect(paths(pod.added) == [".spec.volumes[name=\"data\"].emptyDir.medium"])
        #expect(pod.removed.isEmpty && pod.modified.isEmpty)
    }

    @Test func objectsAreComparedWithTheirKindsSchema() throws {
        let before = try #require(KubeObject(deployment([["name": "app", "image": "a"], ["name": "b", "image": "b"]])))
        let after = try #require(KubeObject(deployment([["name": "b", "image": "b"], ["name": "app", "image": "c"]])))
        let changes = ObjectDiff.compare(before: before, after: after, registry: try SchemaRegistry.builtin())
        #expect(paths(changes.modified) == [".spec.template.spec.containers[name=\"app\"].image"])
        let unknown = KubeObject(["apiVersion": "example.com/v1", "kind": "Thing", "spec": ["list": [1, 2]]])
        let changed = KubeObject(["apiVersion": "example.com/v1", "kind": "Thing", "spec": ["list": [1, 3]]])
        #expect(paths(ObjectDiff.compare(before: unknown, after: changed, registry: try SchemaRegistry.builtin()).modified)
            == [".spec.list[1]"])
    }

    @Test func identicalObjectsHaveNoChanges() throws {
        let object = deployment([["name": "app", "image": "nginx", "ports": [["containerPort": 80]]]])
        #expect(ObjectDiff.compare(before: object, after: object, schema: try schema("apps/v1", "Deployment")).isEmpty)
    }
}
