import KPlanCore
import Testing

/// A KubeObject's identity (kept beside its value) follows every change that can move it.
@Suite struct KubeObjectIdentityTests {
    @Test func identityFollowsEveryKindOfChange() {
        var object = KubeObject(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "a", "namespace": "one"]])
        #expect(object.key == ResourceKey(group: "", kind: "ConfigMap", namespace: "one", name: "a"))

        object.namespace = "two"
        object[path: "metadata", "name"] = "b"
        #expect(object.key == ResourceKey(group: "", kind: "ConfigMap", namespace: "two", name: "b"))

        object["apiVersion"] = "example.com/v2"
        object["kind"] = "Widget"
        #expect(object.gvk == GroupVersionKind(group: "example.com", version: "v2", kind: "Widget"))

        object["metadata"] = ["name": "c"]
        #expect(object.key == ResourceKey(group: "example.com", kind: "Widget", namespace: "", name: "c"))

        object.name = "d"
        object.labels = ["app": "x"]
        object["data"] = ["k": "v"]
        #expect(object.key == ResourceKey(group: "example.com", kind: "Widget", namespace: "", name: "d"))
        #expect(object == KubeObject(object.value))
    }
}
