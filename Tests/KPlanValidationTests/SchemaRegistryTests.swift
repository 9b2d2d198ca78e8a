import KPlanCore
import Testing
import KPlanValidation

@Suite struct SchemaRegistryTests {
    @Test func findsBuiltinKinds() throws {
        let registry = try SchemaRegistry.builtin()
        guard case .found(let schema) = registry.lookup(GroupVersionKind(group: "apps", version: "v1", kind: "Deployment")) else {
            Issue.record("apps/v1 Deployment should be found")
            return
        }
        #expect(schema.definitionName == "io.k8s.api.apps.v1.Deployment")
    }

    @Test(arguments: [
        ("extensions/v1beta1", "Deployment", ["apps/v1"]),
        ("apps/v1beta2", "Deployment", ["apps/v1"]),
        ("batch/v1beta1", "CronJob", ["batch/v1"]),
        ("extensions/v1beta1", "Ingress", ["networking.k8s.io/v1"]),
        ("policy/v1beta1", "PodDisruptionBudget", ["policy/v1"]),
    ])
    func removedVersionsSuggestServedOnes(apiVersion: String, kind: String, served: [String]) throws {
        let registry = try SchemaRegistry.builtin()
        guard case .unknownVersion(let versions) = registry.lookup(GroupVersionKind(apiVersion: apiVersion, kind: kind)) else {
            Issue.record("\(apiVersion) \(kind) should be an unknown version")
            return
        }
        #expect(versions == served)
    }

    @Test func unknownKindsAreUnknown() throws {
        let registry = try SchemaRegistry.builtin()
        for gvk in [GroupVersionKind(group: "example.com", version: "v1", kind: "Deployment"),
                    GroupVersionKind(group: "apps", version: "v1", kind: "Deploymnet")] {
            guard case .unknownKind = registry.lookup(gvk) else {
                Issue.record("\(gvk) should be unknown")
                continue
            }
        }
    }

    @Test func misspeltKindsGetASuggestion() throws {
        let registry = try SchemaRegistry.builtin()
        #expect(registry.suggestion(for: GroupVersionKind(group: "apps", version: "v1", kind: "Deploymnet"))
            == GroupVersionKind(group: "apps", version: "v1", kind: "Deployment"))
        #expect(registry.suggestion(for: GroupVersionKind(group: "", version: "v1", kind: "configmap"))
            == GroupVersionKind(group: "", version: "v1", kind: "ConfigMap"))
        #expect(registry.suggestion(for: GroupVersionKind(group: "apps", version: "v1", kind: "Gadget")) == nil)
    }

    @Test(arguments: [
        ("v1", "Namespace", ResourceScope.cluster), ("v1", "Node", .cluster), ("v1", "PersistentVolume", .cluster),
        ("v1", "Pod", .namespaced), ("v1", "PersistentVolumeClaim", .namespaced), ("v1", "NamespaceList", .cluster),
        ("rbac.authorization.k8s.io/v1", "ClusterRole", .cluster), ("rbac.authorization.k8s.io/v1", "Role", .namespaced),
        ("apiextensions.k8s.io/v1", "CustomResourceDefinition", .cluster),
        ("storage.k8s.io/v1", "StorageClass", .cluster), ("storage.k8s.io/v1", "CSIStorageCapacity", .namespaced),
        ("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding", .cluster),
        ("networking.k8s.io/v1", "IngressClass", .cluster), ("networking.k8s.io/v1", "Ingress", .namespaced),
        ("scheduling.k8s.io/v1", "PriorityClass", .cluster), ("coordination.k8s.io/v1", "Lease", .namespaced),
        ("apps/v1", "Deployment", .namespaced), ("resource.k8s.io/v1", "DeviceClass", .cluster),
        ("authorization.k8s.io/v1", "LocalSubjectAccessReview", .namespaced),
        ("authorization.k8s.io/v1", "SubjectAccessReview", .cluster),
    ])
    func scopes(apiVersion: String, kind: String, scope: ResourceScope) throws {
        let registry = try SchemaRegistry.builtin()
        #expect(registry.scope(for: GroupVersionKind(apiVersion: apiVersion, kind: kind)) == scope)
    }

    @Test func everyClusterScopedEntryNamesARealKind() throws {
        let registry = try SchemaRegistry.builtin()
        let kinds = Set(registry.builtinKinds.map { "\($0.group)/\($0.kind)" })
        let cluster = registry.builtinKinds.filter { registry.scope(for: $0) == .cluster }
        #expect(cluster.count > 40)
        #expect(kinds.contains("/Namespace"))
        #expect(registry.scope(for: GroupVersionKind(group: "example.com", version: "v1", kind: "Thing")) == nil)
    }

    @Test func olderVersionsServeWhatTheyServed() throws {
        let old = try SchemaRegistry.builtin(version: "1.35")
        let new = try SchemaRegistry.builtin(version: "1.37")
        #expect(old.builtinKinds.count < new.builtinKinds.count)
    }
}
