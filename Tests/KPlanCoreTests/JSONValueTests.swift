import KPlanCore
import Testing

@Suite struct JSONValueTests {
    @Test func compactJSONSortsKeysAndEscapes() {
        let value: JSONValue = ["b": [1, 2.5, true, nil], "a": "line\n\"quoted\"\u{01}"]
        #expect(value.compactJSON == #"{"a":"line\n\"quoted\"\u0001","b":[1,2.5,true,null]}"#)
    }

    @Test func prettyJSONIndentsTwoSpaces() {
        let value: JSONValue = ["a": [1], "b": [:]]
        #expect(value.prettyJSON == "{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}\n")
    }

    @Test func setCreatesAndRemovesNestedMembers() {
        var value: JSONValue = [:]
        value.set("x", at: ["metadata", "labels", "app"])
        #expect(value[path: "metadata", "labels", "app"] == "x")
        value.set(nil, at: ["metadata", "labels", "app"])
        #expect(value[path: "metadata", "labels"] == [:])
        value.set(nil, at: ["spec", "missing"])
        #expect(value["spec"] == nil)
    }

    @Test func kubeObjectMetadataAccessors() {
        var object = KubeObject(["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"]])
        object.namespace = "prod"
        object.labels = ["app": "web"]
        #expect(object.key == ResourceKey(group: "apps", kind: "Deployment", namespace: "prod", name: "web"))
        #expect(object[path: "metadata", "labels", "app"] == "web")
        object.namespace = ""
        #expect(object[path: "metadata", "namespace"] == nil)
    }

    @Test func fieldPathPrintsAsKubernetes() {
        let path = FieldPath([
            .field("spec"), .field("containers"), .key([.init(name: "name", value: "app")]), .field("ports"), .index(0),
        ])
        #expect(path.description == #".spec.containers[name="app"].ports[0]"#)
        #expect(path.hasPrefix(FieldPath(fields: "spec", "containers")))
    }

    @Test func nodeConversionKeepsResolvedScalars() {
        let value: JSONValue = ["n": 1, "s": "on", "list": [true, nil, 2.5]]
        let node = value.node(at: SourceRange(at: SourcePosition(line: 1, column: 1)))
        #expect(JSONValue(node) == value)
    }
}
