import KPlanCore
import KPlanSimulator
import Testing

/// Admission that reads cluster state sees the cluster as it is at each write: classes created or
/// deleted between writes count at once.
@Suite struct EmbeddedClusterAdmissionTests {
    static func claim(_ name: String) -> KubeObject {
        KubeObject(["apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": ["name": .string(name), "namespace": "default"],
                    "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]]])
    }

    static let standard = KubeObject([
        "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "provisioner": "example.com/disk",
        "metadata": ["name": "standard", "annotations": ["storageclass.kubernetes.io/is-default-class": "true"]],
    ])

    @Test func claimsFollowTheDefaultStorageClassAsItComesAndGoes() async throws {
        let cluster = try EmbeddedClusterTests.cluster()
        let options = EmbeddedClusterTests.apply
        let before = try await cluster.apply(Self.claim("before"), options: options)
        #expect(before[path: "spec", "storageClassName"] == nil)

        _ = try await cluster.apply(Self.standard, options: options)
        let during = try await cluster.apply(Self.claim("during"), options: options)
        #expect(during[path: "spec", "storageClassName"] == "standard")
        var dryRun = options
        dryRun.dryRun = true
        let planned = try await cluster.dryRunApplies([Self.claim("planned")], options: dryRun)
        #expect(try planned[0].get()[path: "spec", "storageClassName"] == "standard")

        _ = try await cluster.delete(Self.standard.key, options: DeleteOptions())
        let after = try await cluster.apply(Self.claim("after"), options: options)
        #expect(after[path: "spec", "storageClassName"] == nil)
    }
}
