import Foundation
import KPlanCore
import KPlanSimulator
import KPlanValidation
import KPlanYAML
import Testing

/// The defaulter against a real API server: each manifest under `manifests/defaults/` is admitted
/// and compared with what kube-apiserver 1.20.2 stored for it (`golden/defaults/`), patched where
/// Kubernetes 1.37 differs.
@Suite struct AdmissionDefaultsTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/manifests/defaults")) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func everyKindHasAFixture() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases) func matchesTheAPIServer(_ name: String) throws {
        // The first document is the object; any others are the cluster state it is admitted against
        // (they existed on the server when the fixture was made).
        let documents = Self.loadAll("manifests/defaults/\(name).yaml").compactMap(KubeObject.init)
        var expected = try #require(Self.load("golden/defaults/\(name).json"))
        var object = try #require(documents.first)
        let defaulter = ObjectDefaulter(registry: try SchemaRegistry.builtin())
        let context = Self.context(documents.dropFirst(), defaulter: defaulter)
        // The server's uid, so that a Job's generated selector and labels can match.
        object.uid = expected[path: "metadata", "uid"]?.string
        let stored = try defaulter.admit(object, operation: .create, context: context)
        Self.patchTo137(&expected, name: name)
        let actual = Self.comparable(stored.value)
        expected = Self.comparable(expected)
        #expect(actual.prettyJSON == expected.prettyJSON, "\(name): defaulted object differs:\n\(Self.lineDiff(expected.prettyJSON, actual.prettyJSON))")
    }

    /// The cluster state `objects` make, stored as the defaulter would store them.
    static func context(_ objects: ArraySlice<KubeObject>, defaulter: ObjectDefaulter) -> AdmissionContext {
        let state = objects.map(defaulter.defaulted)
        return AdmissionContext(storageClasses: state.filter { $0.kind == "StorageClass" },
                                priorityClasses: state.filter { $0.kind == "PriorityClass" },
                                limitRanges: state.filter { $0.kind == "LimitRange" },
                                ingressClasses: state.filter { $0.kind == "IngressClass" })
    }

    /// What Kubernetes 1.37 stores that 1.20.2 did not (or the other way round).
    static func patchTo137(_ value: inout JSONValue, name: String) {
        let kind = value["kind"]?.string ?? ""
        switch kind {
        case "CronJob":
            // batch/v1 CronJob is served from 1.21; 1.20 only had batch/v1beta1.
            value["apiVersion"] = "batch/v1"
        case "PodDisruptionBudget":
            // policy/v1 PodDisruptionBudget is served from 1.21.
            value["apiVersion"] = "policy/v1"
        case "HorizontalPodAutoscaler":
            // autoscaling/v2 is served from 1.23; its status keeps `currentMetrics` and desiredReplicas
            // but omits empty conditions and a zero currentReplicas.
            value["apiVersion"] = "autoscaling/v2"
            value["status"] = ["desiredReplicas": 0, "currentMetrics": nil]
        case "StatefulSet":
            // persistentVolumeClaimRetentionPolicy defaults from 1.27 (StatefulSetAutoDeletePVC);
            // status.availableReplicas (no omitempty) from 1.22.
            value.set(["whenDeleted": "Retain", "whenScaled": "Retain"], at: ["spec", "persistentVolumeClaimRetentionPolicy"])
            value.set(0, at: ["status", "availableReplicas"])
        case "DaemonSet":
            // maxSurge defaults to 0 from 1.22 (DaemonSetUpdateSurge); host ports of host-network
            // templates are no longer defaulted from 1.28 (DefaultHostNetworkHostPortsInPodTemplates off).
            value.set(0, at: ["spec", "updateStrategy", "rollingUpdate", "maxSurge"])
            removeHostPorts(&value)
        case "Job":
            // completionMode (1.21), suspend (1.21), podReplacementPolicy (1.28); the
            // batch.kubernetes.io/ labels and the selector on batch.kubernetes.io/controller-uid (1.27).
            let uid = value[path: "metadata", "uid"]?.string ?? ""
            let jobName = value[path: "metadata", "name"]?.string ?? ""
            value.set("NonIndexed", at: ["spec", "completionMode"])
            value.set(false, at: ["spec", "suspend"])
            value.set("TerminatingOrFailed", at: ["spec", "podReplacementPolicy"])
            value.set(["batch.kubernetes.io/controller-uid": .string(uid)], at: ["spec", "selector", "matchLabels"])
            for path in [["metadata", "labels"], ["spec", "template", "metadata", "labels"]]
            where value[path: path + ["controller-uid"]] != nil {
                value.set(.string(uid), at: path + ["batch.kubernetes.io/controller-uid"])
                value.set(.string(jobName), at: path + ["batch.kubernetes.io/job-name"])
            }
        case "CSIDriver":
            // storageCapacity (1.24), requiresRepublish (1.21) and seLinuxMount (1.27, gate on by
            // default from 1.28) are defaulted in 1.37.
            value.set(false, at: ["spec", "storageCapacity"])
            value.set(false, at: ["spec", "requiresRepublish"])
            value.set(false, at: ["spec", "seLinuxMount"])
        case "Namespace":
            // The kubernetes.io/metadata.name label is set from 1.22 (NamespaceDefaultLabelName).
            value.set(value[path: "metadata", "name"], at: ["metadata", "labels", "kubernetes.io/metadata.name"])
        case "Service" where value[path: "spec", "type"]?.string != "ExternalName":
            // ipFamilies/ipFamilyPolicy are set from 1.21 (dual-stack beta), internalTrafficPolicy from
            // 1.22, allocateLoadBalancerNodePorts from 1.24. Node ports the server chose at random are
            // the lowest free ones here (deterministic allocation).
            value.set(["IPv4"], at: ["spec", "ipFamilies"])
            value.set("SingleStack", at: ["spec", "ipFamilyPolicy"])
            value.set("Cluster", at: ["spec", "internalTrafficPolicy"])
            if name == "service-nodeport" { setNodePort(&value, index: 1, 30000) }
            if name == "service-loadbalancer" {
                value.set(true, at: ["spec", "allocateLoadBalancerNodePorts"])
                value.set(30000, at: ["spec", "healthCheckNodePort"])
            }
        default:
            break
        }
    }

    private static func removeHostPorts(_ value: inout JSONValue) {
        guard var containers = value[path: "spec", "template", "spec", "containers"]?.array else { return }
        for index in containers.indices {
            guard var ports = containers[index]["ports"]?.array else { continue }
            for port in ports.indices { ports[port]["hostPort"] = nil }
            containers[index]["ports"] = .array(ports)
        }
        value.set(.array(containers), at: ["spec", "template", "spec", "containers"])
    }

    private static func setNodePort(_ value: inout JSONValue, index: Int, _ port: Int64) {
        guard var ports = value[path: "spec", "ports"]?.array, ports.indices.contains(index) else { return }
        ports[index]["nodePort"] = .int(port)
        value.set(.array(ports), at: ["spec", "ports"])
    }

    /// The object without what the integrator's store sets (identity, versioning, timestamps) and
    /// without `creationTimestamp: null` in embedded metadata, which Kubernetes omits from 1.33.
    static func comparable(_ value: JSONValue) -> JSONValue {
        var result = stripNullTimestamps(value)
        for key in ["uid", "resourceVersion", "creationTimestamp", "managedFields", "generation"] {
            result.set(nil, at: ["metadata", key])
        }
        return result
    }

    private static func stripNullTimestamps(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var members):
            if members["creationTimestamp"]?.isNull == true { members["creationTimestamp"] = nil }
            return .object(members.mapValues(stripNullTimestamps))
        case .array(let items):
            return .array(items.map(stripNullTimestamps))
        case .null, .bool, .int, .double, .string:
            return value
        }
    }

    static func load(_ relativePath: String) -> JSONValue? {
        loadAll(relativePath).first
    }

    static func loadAll(_ relativePath: String) -> [JSONValue] {
        guard let data = FileManager.default.contents(atPath: root + "/" + relativePath) else { return [] }
        return YAMLLoader.load(Array(data), file: relativePath).documents.filter { !$0.isEmpty }.map { JSONValue($0.root) }
    }

    static func lineDiff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        return new.difference(from: old).map { change in
            switch change {
            case .remove(let offset, let line, _): "- \(offset + 1): \(line)"
            case .insert(let offset, let line, _): "+ \(offset + 1): \(line)"
            }
        }.joined(separator: "\n")
    }
}
