import KPlanCore
import KPlanSimulator
import Testing

/// `dryRunApplies`: the embedded cluster's batch (one revision, all cores) and the protocol's
/// one-after-another default give what single dry-run applies give, refusals included.
@Suite struct DryRunAppliesTests {
    /// The embedded cluster behind the protocol's default batch.
    struct OneByOne: ClusterBackend {
        let cluster: EmbeddedCluster
        func resources() async throws -> [APIResource] { try await cluster.resources() }
        func get(_ key: ResourceKey, version: String?) async throws -> KubeObject? { try await cluster.get(key, version: version) }
        func get(_ keys: [ResourceKey]) async throws -> [ResourceKey: KubeObject] { try await cluster.get(keys) }
        func list(group: String, kind: String, namespace: String?, labels: [String: String]) async throws -> [KubeObject] {
            try await cluster.list(group: group, kind: kind, namespace: namespace, labels: labels)
        }
        func apply(_ object: KubeObject, options: ApplyOptions) async throws -> KubeObject { try await cluster.apply(object, options: options) }
        func update(_ object: KubeObject, options: UpdateOptions) async throws -> KubeObject { try await cluster.update(object, options: options) }
        func delete(_ key: ResourceKey, options: DeleteOptions) async throws -> DeleteOutcome { try await cluster.delete(key, options: options) }
        func revision() async throws -> Int64 { try await cluster.revision() }
        func watch(after revision: Int64) async throws -> AsyncThrowingStream<WatchEvent, any Error> { try await cluster.watch(after: revision) }
    }

    /// An update, a create, a refused object (bad name) and one in a missing namespace.
    static func objects() -> [KubeObject] {
        [
            EmbeddedClusterTests.deployment(replicas: 3),
            EmbeddedClusterTests.configMap("new"),
            EmbeddedClusterTests.configMap("Not_A_Name"),
            EmbeddedClusterTests.configMap("elsewhere", namespace: "missing"),
        ]
    }

    /// The object's JSON without its uid, which every dry-run create draws anew.
    static func withoutUID(_ object: KubeObject) -> String {
        var object = object
        object.uid = nil
        return object.value.compactJSON
    }

    @Test func batchesAgreeWithSingleDryRunsAndStoreNothing() async throws {
        let cluster = try EmbeddedClusterTests.cluster()
        _ = try await cluster.apply(EmbeddedClusterTests.deployment(), options: EmbeddedClusterTests.apply)
        let revision = try await cluster.revision()
        var options = EmbeddedClusterTests.apply
        options.dryRun = true

        var single: [String] = []
        for object in Self.objects() {
            do {
                single.append(Self.withoutUID(try await cluster.apply(object, options: options)))
            } catch let error as APIError {
                single.append("refused: \(error.message)")
            }
        }
        for backend in [cluster, OneByOne(cluster: cluster)] as [any ClusterBackend] {
            let batch = try await backend.dryRunApplies(Self.objects(), options: EmbeddedClusterTests.apply).map { outcome in
                switch outcome {
                case .success(let object): Self.withoutUID(object)
                case .failure(let error): "refused: \(error.message)"
                }
            }
            #expect(batch == single)
        }
        #expect(single[0].contains("\"replicas\":3"))
        #expect(single[2].hasPrefix("refused: ConfigMap \"Not_A_Name\" is invalid"))
        #expect(single[3] == "refused: namespaces \"missing\" not found")
        #expect(try await cluster.revision() == revision)
    }
}
