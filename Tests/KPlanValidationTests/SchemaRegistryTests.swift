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

    /// What `reaches` finds below a schema: a Deployment's containers hold quantities (resources,
    /// an env var's divisor), its metadata none; a ConfigMap holds neither special; a Service's ports
    /// hold an int-or-string and no quantity. Asking a parent first reuses nothing wrong below it.
    @Test func schemasKnowTheSpecialsBelowThem() throws {
        let registry = try SchemaRegistry.builtin()
        func schema(_ apiVersion: String, _ kind: String) throws -> Schema {
            guard case .found(let schema) = registry.lookup(GroupVersionKind(apiVersion: apiVersion, kind: kind)) else {
                throw SchemaLookupFailure(kind: kind)
            }
            return schema
        }
        let deployment = try schema("apps/v1", "Deployment")
        #expect(deployment.reaches(.quantity))
        #expect(deployment.property("metadata")?.reaches(.quantity) == false)
        #expect(deployment.property("spec")?.property("replicas")?.reaches(.quantity) == false)
        let containers = deployment.property("spec")?.property("template")?.property("spec")?.property("containers")
        #expect(containers?.items?.property("resources")?.reaches(.quantity) == true)
        #expect(containers?.items?.property("image")?.reaches(.quantity) == false)
        let configMap = try schema("v1", "ConfigMap")
        #expect(!configMap.reaches(.quantity) && !configMap.reaches(.intOrString))
        let service = try schema("v1", "Service")
        #expect(service.reaches(.intOrString) && !service.reaches(.quantity))
    }

    private struct SchemaLookupFailure: Error {
        var kind: String
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
