import KPlanCore
import KPlanSimulator
import Testing

/// The embedded cluster's API semantics: identity and versions, namespaces, concurrency, server-side
/// apply, finalizers, cascading deletes, watches, custom resources.
@Suite struct EmbeddedClusterTests {
    static let start: Int64 = 1_795_000_000

    static func cluster() throws -> EmbeddedCluster {
        try EmbeddedCluster(store: try ClusterStore.inMemory(), clock: FixedClock(seconds: start), uids: .sequential())
    }

    static func configMap(_ name: String, namespace: String = "default", data: [String: JSONValue] = ["k": "v"]) -> KubeObject {
        KubeObject(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "namespace": .string(namespace)], "data": .object(data)])
    }

    static func deployment(replicas: Int64 = 1, image: String = "nginx:1.27", labels: [String: JSONValue] = [:]) -> KubeObject {
        KubeObject([
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": "web", "namespace": "default", "labels": .object(labels)],
            "spec": [
                "replicas": .int(replicas), "selector": ["matchLabels": ["app": "web"]],
                "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "web", "image": .string(image)]]]],
            ],
        ])
    }

    static let apply = ApplyOptions(fieldManager: "test")

    @Test func startsWithTheThreeNamespaces() async throws {
        let cluster = try Self.cluster()
        let names = try await cluster.list(group: "", kind: "Namespace", namespace: nil, labels: [:]).map(\.name)
        #expect(names == ["default", "kube-public", "kube-system"])
        #expect(try await cluster.revision() == 3)
    }

    @Test func createStampsIdentityAndVersion() async throws {
        let cluster = try Self.cluster()
        let stored = try await cluster.apply(Self.deployment(), options: Self.apply)
        #expect(stored.uid == "00000000-0000-4000-8000-000000000004")
        #expect(stored[path: "metadata", "creationTimestamp"] == .string(FixedClock.format(Self.start)))
        #expect(stored.generation == 1)
        #expect(stored.resourceVersion == "4")
        #expect(stored[path: "spec", "strategy", "type"] == "RollingUpdate")
        #expect(try await cluster.get(stored.key) == stored)
    }

    @Test func generationMovesOnSpecChangesOnly() async throws {
        let cluster = try Self.cluster()
        _ = try await cluster.apply(Self.deployment(), options: Self.apply)
        let relabelled = try await cluster.apply(Self.deployment(labels: ["tier": "web"]), options: Self.apply)
        #expect(relabelled.generation == 1)
        let scaled = try await cluster.apply(Self.deployment(replicas: 3, labels: ["tier": "web"]), options: Self.apply)
        #expect(scaled.generation == 2)
        #expect(scaled.resourceVersion == "6")
    }

    @Test func aNoOpApplyWritesNothing() async throws {
        let cluster = try Self.cluster()
        let first = try await cluster.apply(Self.configMap("a"), options: Self.apply)
        let second = try await cluster.apply(Self.configMap("a"), options: Self.apply)
        #expect(second.resourceVersion == first.resourceVersion)
        #expect(try await cluster.revision() == 4)
    }

    @Test func dryRunStoresNothing() async throws {
        let cluster = try Self.cluster()
        let planned = try await cluster.apply(Self.configMap("a"), options: ApplyOptions(fieldManager: "test", dryRun: true))
        #expect(planned.uid != nil)
        #expect(try await cluster.get(planned.key) == nil)
        #expect(try await cluster.revision() == 3)
    }

    @Test func aMissingNamespaceIsNotFound() async throws {
        let cluster = try Self.cluster()
        let error = await #expect(throws: APIError.self) { try await cluster.apply(Self.configMap("a", namespace: "nowhere"), options: Self.apply) }
        #expect(error?.reason == .notFound)
        #expect(error?.message == #"namespaces "nowhere" not found"#)
    }

    @Test func aStaleResourceVersionIsAConflict() async throws {
        let cluster = try Self.cluster()
        let stored = try await cluster.update(Self.configMap("a"), options: UpdateOptions(fieldManager: "editor"))
        _ = try await cluster.update(Self.configMap("a", data: ["k": "w"]), options: UpdateOptions(fieldManager: "editor"))
        var stale = Self.configMap("a", data: ["k": "x"])
        stale.resourceVersion = stored.resourceVersion
        let error = await #expect(throws: APIError.self) { try await cluster.update(stale, options: UpdateOptions(fieldManager: "editor")) }
        #expect(error?.reason == .conflict)
        #expect(error?.message.contains("the object has been modified") == true)
    }

    @Test func anotherManagersValueIsAConflictUntilForced() async throws {
        let cluster = try Self.cluster()
        _ = try await cluster.apply(Self.deployment(replicas: 2), options: ApplyOptions(fieldManager: "a"))
        let error = await #expect(throws: APIError.self) {
            try await cluster.apply(Self.deployment(replicas: 3), options: ApplyOptions(fieldManager: "b"))
        }
        #expect(error?.reason == .conflict)
        #expect(error?.causes.map(\.field) == [".spec.replicas"])
        let forced = try await cluster.apply(Self.deployment(replicas: 3), options: ApplyOptions(fieldManager: "b", force: true))
        #expect(forced[path: "spec", "replicas"] == 3)
        let managers = forced[path: "metadata", "managedFields"]?.array?.compactMap { $0["manager"]?.string }
        #expect(managers == ["a", "b"])
    }

    @Test func invalidObjectsAreRefused() async throws {
        let cluster = try Self.cluster()
        let error = await #expect(throws: APIError.self) { try await cluster.apply(Self.deployment(replicas: -1), options: Self.apply) }
        #expect(error?.reason == .invalid)
        #expect(error?.message.hasPrefix(#"Deployment.apps "web" is invalid: spec.replicas"#) == true)
    }

    @Test func finalizersHoldADeletionUntilRemoved() async throws {
        let cluster = try Self.cluster()
        var held = Self.configMap("held")
        held.finalizers = ["example.com/cleanup"]
        _ = try await cluster.apply(held, options: Self.apply)
        guard case .pending(let marked) = try await cluster.delete(held.key, options: DeleteOptions()) else {
            Issue.record("expected the deletion to wait for the finalizer")
            return
        }
        #expect(marked.deletionTimestamp == FixedClock.format(Self.start))
        #expect(try await cluster.get(held.key)?.deletionTimestamp != nil)
        var released = try #require(try await cluster.get(held.key))
        released.finalizers = []
        released.resourceVersion = nil
        _ = try await cluster.update(released, options: UpdateOptions(fieldManager: "controller"))
        #expect(try await cluster.get(held.key) == nil)
    }

    @Test func deletingANamespaceDeletesItsObjects() async throws {
        let cluster = try Self.cluster()
        _ = try await cluster.apply(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"]]), options: Self.apply)
        _ = try await cluster.apply(Self.configMap("a", namespace: "shop"), options: Self.apply)
        let namespaceKey = ResourceKey(group: "", kind: "Namespace", namespace: "", name: "shop")
        guard case .deleted = try await cluster.delete(namespaceKey, options: DeleteOptions()) else {
            Issue.record("expected the namespace to be deleted")
            return
        }
        #expect(try await cluster.list(group: "", kind: "ConfigMap", namespace: "shop", labels: [:]).isEmpty)
    }

    @Test func ownersTakeTheirDependentsUnlessOrphaned() async throws {
        let cluster = try Self.cluster()
        let owner = try await cluster.apply(Self.configMap("owner"), options: Self.apply)
        for name in ["child-1", "child-2"] {
            var child = Self.configMap(name)
            child[path: "metadata", "ownerReferences"] = [["apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": .string(owner.uid!)]]
            _ = try await cluster.apply(child, options: Self.apply)
        }
        let orphanKey = Self.configMap("child-2").key
        _ = try await cluster.delete(owner.key, options: DeleteOptions(propagationPolicy: .orphan))
        #expect(try await cluster.get(Self.configMap("child-1").key)?[path: "metadata", "ownerReferences"] == nil)
        #expect(try await cluster.get(orphanKey) != nil)

        let second = try await cluster.apply(Self.configMap("owner2"), options: Self.apply)
        var dependent = Self.configMap("child-3")
        dependent[path: "metadata", "ownerReferences"] = [["apiVersion": "v1", "kind": "ConfigMap", "name": "owner2", "uid": .string(second.uid!)]]
        _ = try await cluster.apply(dependent, options: Self.apply)
        _ = try await cluster.delete(second.key, options: DeleteOptions(propagationPolicy: .background))
        #expect(try await cluster.get(dependent.key) == nil)
    }

    @Test func watchReplaysChangesFromARevision() async throws {
        let cluster = try Self.cluster()
        let revision = try await cluster.revision()
        _ = try await cluster.apply(Self.configMap("a"), options: Self.apply)
        _ = try await cluster.apply(Self.configMap("a", data: ["k": "w"]), options: Self.apply)
        _ = try await cluster.delete(Self.configMap("a").key, options: DeleteOptions())
        var seen: [String] = []
        for try await event in try await cluster.watch(after: revision) {
            seen.append("\(event.kind.rawValue) \(event.object.name) \(event.revision)")
            if seen.count == 3 { break }
        }
        #expect(seen == ["ADDED a 4", "MODIFIED a 5", "DELETED a 6"])
    }

    @Test func secretsFoldStringDataAndServicesGetDistinctAddresses() async throws {
        let cluster = try Self.cluster()
        let secret = try await cluster.apply(
            KubeObject(["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s", "namespace": "default"], "stringData": ["user": "admin"]]),
            options: Self.apply)
        #expect(secret["stringData"] == nil)
        #expect(secret[path: "data", "user"] == "YWRtaW4=")
        #expect(secret["type"] == "Opaque")
        var addresses: Set<String> = []
        for name in ["one", "two"] {
            let service = try await cluster.apply(
                KubeObject(["apiVersion": "v1", "kind": "Service", "metadata": ["name": .string(name), "namespace": "default"],
                            "spec": ["ports": [["port": 80]]]]),
                options: Self.apply)
            addresses.insert(service[path: "spec", "clusterIP"]?.string ?? "")
            #expect(service[path: "spec", "ports"]?.array?.first?["targetPort"] == 80)
        }
        #expect(addresses.count == 2)
        #expect(!addresses.contains(""))
    }

    @Test func customResourcesAreServedOnceTheirCRDIsStored() async throws {
        let cluster = try Self.cluster()
        let widget = KubeObject(["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w", "namespace": "default"], "spec": ["size": 2]])
        let unknown = await #expect(throws: APIError.self) { try await cluster.apply(widget, options: Self.apply) }
        #expect(unknown?.reason == .notFound)
        let crd = KubeObject([
            "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": ["name": "widgets.example.com"],
            "spec": [
                "group": "example.com", "scope": "Namespaced",
                "names": ["kind": "Widget", "plural": "widgets", "singular": "widget", "shortNames": ["wd"]],
                "versions": [[
                    "name": "v1", "served": true, "storage": true,
                    "schema": ["openAPIV3Schema": ["type": "object", "properties": ["spec": [
                        "type": "object", "properties": ["size": ["type": "integer", "minimum": 1], "color": ["type": "string", "default": "blue"]],
                    ]]]],
                ]],
            ],
        ])
        _ = try await cluster.apply(crd, options: Self.apply)
        #expect(try await cluster.resources().resolve("wd")?.kind == "Widget")
        let stored = try await cluster.apply(widget, options: Self.apply)
        #expect(stored[path: "spec", "color"] == "blue")
        #expect(stored.generation == 1)
        var tooSmall = widget
        tooSmall[path: "spec", "size"] = 0
        let invalid = await #expect(throws: APIError.self) { try await cluster.apply(tooSmall, options: Self.apply) }
        #expect(invalid?.reason == .invalid)
    }

    @Test func repeatedAppliesAreKnownUnchangedWithoutReadingTheObjects() async throws {
        let cluster = try Self.cluster()
        let options = ApplyOptions(fieldManager: "kplan")
        let deployment = Self.deployment()
        #expect(try await cluster.unchangedApplies([deployment], options: options) == [nil])
        _ = try await cluster.apply(deployment, options: ApplyOptions(fieldManager: "kplan", dryRun: true))
        #expect(try await cluster.unchangedApplies([deployment], options: options) == [nil])

        let stored = try await cluster.apply(deployment, options: options)
        let known = try await cluster.unchangedApplies([Self.configMap("never-applied"), deployment], options: options)
        #expect(known == [nil, LiveVersion(uid: stored.uid, resourceVersion: stored.resourceVersion!)])
        #expect(try await cluster.unchangedApplies([deployment], options: ApplyOptions(fieldManager: "other")) == [nil])
        #expect(try await cluster.unchangedApplies([Self.deployment(replicas: 2)], options: options) == [nil])

        _ = try await cluster.apply(Self.deployment(image: "nginx:1.28"), options: ApplyOptions(fieldManager: "other", force: true))
        #expect(try await cluster.unchangedApplies([deployment], options: options) == [nil])
        _ = try await cluster.apply(deployment, options: ApplyOptions(fieldManager: "kplan", force: true))
        #expect(try await cluster.unchangedApplies([deployment], options: options).compactMap { $0 }.count == 1)
        _ = try await cluster.apply(deployment, options: options)
        #expect(try await cluster.unchangedApplies([deployment], options: options).compactMap { $0 }.count == 1)

        _ = try await cluster.delete(deployment.key, options: DeleteOptions())
        #expect(try cluster.store.appliedConfigurations(keys: [deployment.key], manager: "kplan") == [nil])
        #expect(try await cluster.unchangedApplies([deployment], options: options) == [nil])
    }

}
