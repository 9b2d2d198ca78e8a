import Foundation
import KPlanCore
import KPlanSimulator
import KPlanYAML
import Testing

/// The embedded cluster makes the same objects and managed fields as a real kube-apiserver for the
/// same server-side applies (fixtures in `Fixtures/real-apiserver`, see its README).
@Suite struct RealAPIServerComparisonTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let plans = root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("manifests/plan")

    static func manifest(_ path: String) throws -> KubeObject {
        let bytes = [UInt8](try Data(contentsOf: plans.appendingPathComponent(path)))
        return try #require(KubeObject(JSONValue(YAMLLoader.load(bytes, file: path).documents[0].root)))
    }

    /// A fixture object, without the `creationTimestamp: null` Go's encoder wrote into embedded
    /// object metadata (pod templates) before Kubernetes 1.35 omitted zero times; 1.37 writes none.
    static func fixture(_ name: String) throws -> KubeObject {
        let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent("Fixtures/real-apiserver/" + name)))
        return try #require(KubeObject(withoutNullTimestamps(try JSONValue(parsing: bytes))))
    }

    static func withoutNullTimestamps(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.filter { !($0.key == "creationTimestamp" && $0.value.isNull) }.mapValues(withoutNullTimestamps))
        case .array(let items):
            return .array(items.map(withoutNullTimestamps))
        case .null, .bool, .int, .double, .string:
            return value
        }
    }

    /// What both servers must agree on: spec, labels, annotations, generation, and each manager's
    /// entry without its time.
    static func comparable(_ object: KubeObject) -> JSONValue {
        let entries = (object[path: "metadata", "managedFields"]?.array ?? []).map { entry -> JSONValue in
            var entry = entry
            entry["time"] = nil
            return entry
        }
        return [
            "spec": object["spec"] ?? .null, "labels": object[path: "metadata", "labels"] ?? .null,
            "annotations": object[path: "metadata", "annotations"] ?? .null,
            "generation": object[path: "metadata", "generation"] ?? .null, "managedFields": .array(entries),
        ]
    }

    static func apply(_ paths: [(String, String, Bool)]) async throws -> (EmbeddedCluster, KubeObject) {
        let cluster = try EmbeddedCluster(store: try ClusterStore.inMemory())
        var last: KubeObject?
        for (path, manager, force) in paths {
            last = try await cluster.apply(try manifest(path), options: ApplyOptions(fieldManager: manager, force: force))
        }
        return (cluster, try #require(last))
    }

    @Test func twoManagersThenForce() async throws {
        let (cluster, stored) = try await Self.apply([
            ("conflict-and-force/team-a/web.yaml", "team-a", false), ("conflict-and-force/team-b/web.yaml", "team-b", true),
        ])
        #expect(Self.comparable(stored) == Self.comparable(try Self.fixture("conflict-and-force.json")))

        let fresh = try EmbeddedCluster(store: try ClusterStore.inMemory())
        _ = try await fresh.apply(try Self.manifest("conflict-and-force/team-a/web.yaml"), options: ApplyOptions(fieldManager: "team-a"))
        let refusal = await #expect(throws: APIError.self) {
            try await fresh.apply(try Self.manifest("conflict-and-force/team-b/web.yaml"), options: ApplyOptions(fieldManager: "team-b"))
        }
        let expected = try String(contentsOf: Self.root.appendingPathComponent("Fixtures/real-apiserver/conflict-two-fields.txt"), encoding: .utf8)
        #expect("error: " + (refusal?.message ?? "") + "\n" == expected)
        _ = cluster
    }

    @Test func fieldsTheOwnerStopsSendingAreRemoved() async throws {
        let (_, stored) = try await Self.apply([
            ("field-removed-by-owner/v1/web.yaml", "kplan", false), ("field-removed-by-owner/v2/web.yaml", "kplan", false),
        ])
        #expect(Self.comparable(stored) == Self.comparable(try Self.fixture("field-removed-by-owner.json")))
    }

    @Test func listsMergeByKey() async throws {
        let (_, stored) = try await Self.apply([
            ("list-merge-by-key/v1/deploy.yaml", "kplan", false), ("list-merge-by-key/v2/deploy.yaml", "kplan", false),
        ])
        // Kubernetes 1.20 keeps the live order of keyed list items (containers app, sidecar; env MODE,
        // REGION, TRACE); since structured-merge-diff v4.2 (Kubernetes 1.27+) applied items come in
        // the applied order (sidecar, app; REGION, MODE, TRACE), which is what 1.37 does and kplan
        // follows. So containers and their env are compared by name.
        func byName(_ value: JSONValue) -> JSONValue {
            func sorted(_ items: [JSONValue]) -> [JSONValue] {
                items.sorted { ($0["name"]?.string ?? "") < ($1["name"]?.string ?? "") }
            }
            var value = value
            let containers = sorted(value[path: ["spec", "template", "spec", "containers"]]?.array ?? []).map { container in
                var container = container
                if let env = container["env"]?.array { container["env"] = .array(sorted(env)) }
                return container
            }
            value.set(.array(containers), at: ["spec", "template", "spec", "containers"])
            return value
        }
        let ours = Self.comparable(stored)
        let theirs = Self.comparable(try Self.fixture("list-merge-by-key.json"))
        #expect(byName(ours) == byName(theirs))
        let containers = stored[path: "spec", "template", "spec", "containers"]?.array ?? []
        #expect(containers.compactMap { $0["name"]?.string } == ["sidecar", "app"])
        #expect(containers.last?["env"]?.array?.compactMap { $0["name"]?.string } == ["REGION", "MODE", "TRACE"])
    }
}
