import KPlanCore
import KPlanDiff
import Testing

@Suite struct DependencyOrderTests {
    private func object(_ apiVersion: String, _ kind: String, _ name: String, namespace: String = "", spec: JSONValue? = nil) -> KubeObject {
        var object = KubeObject(["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": ["name": .string(name)]])
        object.namespace = namespace
        if let spec { object["spec"] = spec }
        return object
    }

    @Test func namespaceThenConfigThenWorkloadThenWebhook() {
        let objects = [
            object("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "hook"),
            object("apps/v1", "Deployment", "web", namespace: "shop"),
            object("v1", "ConfigMap", "settings", namespace: "shop"),
            object("v1", "Namespace", "shop"),
            object("v1", "Service", "web", namespace: "shop"),
        ]
        #expect(DependencyOrder.waves(for: objects) == [3, 2, 1, 0, 1])
    }

    @Test func objectsOutsideThePlannedNamespacesDoNotWait() {
        let objects = [object("v1", "Namespace", "shop"), object("v1", "Service", "web", namespace: "default")]
        #expect(DependencyOrder.waves(for: objects) == [0, 0])
    }

    @Test func customResourcesWaitForTheirDefinition() {
        let crd = object(
            "apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com",
            spec: ["group": "example.com", "names": ["kind": "Widget", "plural": "widgets"]])
        let objects = [object("example.com/v1", "Widget", "w", namespace: "default"), crd, object("other.io/v1", "Gadget", "g")]
        #expect(DependencyOrder.waves(for: objects) == [1, 0, 0])
    }

    @Test func bindingsWaitForRoles() {
        let objects = [
            object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "b"),
            object("rbac.authorization.k8s.io/v1", "RoleBinding", "rb", namespace: "a"),
            object("rbac.authorization.k8s.io/v1", "ClusterRole", "r"),
        ]
        #expect(DependencyOrder.waves(for: objects) == [1, 1, 0])
    }

    @Test func deletionsRunInReverse() {
        let objects = [object("v1", "Namespace", "shop"), object("v1", "ConfigMap", "c", namespace: "shop"),
                       object("apps/v1", "Deployment", "web", namespace: "shop")]
        #expect(DependencyOrder.waves(for: objects) == [0, 1, 2])
        #expect(DependencyOrder.deletionWaves(for: objects) == [2, 1, 0])
    }
}
