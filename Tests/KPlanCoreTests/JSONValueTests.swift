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

    @Test func nodeConversionKeepsTheLastOfDuplicateKeys() {
        let range = SourceRange(at: SourcePosition(line: 1, column: 1))
        func scalar(_ value: JSONValue) -> Node { value.node(at: range) }
        func entry(_ key: String, _ value: Node) -> MappingEntry { MappingEntry(key: scalar(.string(key)), value: value) }
        let inner = Node(.mapping([entry("x", scalar(1)), entry("y", scalar(2)), entry("x", scalar(3))]), range: range)
        let node = Node(.mapping([entry("a", scalar("first")), entry("b", inner), entry("a", scalar("last"))]), range: range)
        #expect(JSONValue(node) == ["a": "last", "b": ["x": 3, "y": 2]])
    }

    @Test func nodeConversionKeepsResolvedScalars() {
        let value: JSONValue = ["n": 1, "s": "on", "list": [true, nil, 2.5]]
        let node = value.node(at: SourceRange(at: SourcePosition(line: 1, column: 1)))
        #expect(JSONValue(node) == value)
    }
}
