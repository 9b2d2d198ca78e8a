import KPlanCore
import KPlanSimulator
import KPlanValidation
import Testing

@Suite struct ResourceCatalogTests {
    private let catalog = ResourceCatalog(registry: try! SchemaRegistry.builtin())

    @Test(arguments: [
        ("deploy", "apps", "Deployment"), ("deployments", "apps", "Deployment"), ("Deployment", "apps", "Deployment"),
        ("deployments.apps", "apps", "Deployment"), ("deployments.v1.apps", "apps", "Deployment"),
        ("pvc", "", "PersistentVolumeClaim"), ("svc", "", "Service"), ("ep", "", "Endpoints"),
        ("ingresses", "networking.k8s.io", "Ingress"), ("netpol", "networking.k8s.io", "NetworkPolicy"),
        ("crd", "apiextensions.k8s.io", "CustomResourceDefinition"), ("ev", "", "Event"),
        ("storageclass", "storage.k8s.io", "StorageClass"),
    ])
    func resolvesNamesAsKubectlDoes(name: String, group: String, kind: String) throws {
        let resource = try #require(catalog.resources.resolve(name))
        #expect(resource.group == group)
        #expect(resource.kind == kind)
    }

    @Test func listsOnlyStoredKindsWithScopeAndPreferredVersion() throws {
        #expect(catalog.resource(group: "", kind: "PodList") == nil)
        #expect(catalog.resource(group: "authentication.k8s.io", kind: "TokenReview") == nil)
        let namespace = try #require(catalog.resource(group: "", kind: "Namespace"))
        #expect(namespace.scope == .cluster)
        #expect(namespace.plural == "namespaces")
        let hpa = try #require(catalog.resource(group: "autoscaling", kind: "HorizontalPodAutoscaler"))
        #expect(hpa.preferredVersion == "v2")
        #expect(catalog.resource(group: "networking.k8s.io", kind: "NetworkPolicy")?.plural == "networkpolicies")
        #expect(catalog.resources.resolve("nosuchthing") == nil)
    }
}
