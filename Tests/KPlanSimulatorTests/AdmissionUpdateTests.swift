import Foundation
import KPlanCore
import KPlanSimulator
import KPlanValidation
import Testing

/// Updates the API server refuses: each `manifests/defaults-update/<case>.yaml` holds a stored object
/// and its replacement; the refusal is compared with kube-apiserver 1.20.2's (`golden/defaults-update/`).
@Suite struct AdmissionUpdateTests {
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: AdmissionDefaultsTests.root + "/manifests/defaults-update")) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static let registry = try! SchemaRegistry.builtin()

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 8)
    }

    @Test(arguments: cases) func refusesAsTheAPIServerDoes(_ name: String) throws {
        let documents = AdmissionDefaultsTests.loadAll("manifests/defaults-update/\(name).yaml").compactMap(KubeObject.init)
        try #require(documents.count == 2)
        let path = AdmissionDefaultsTests.root + "/golden/defaults-update/\(name).txt"
        let lines = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        let expectedCauses = lines.dropFirst().map { $0.split(separator: " ", maxSplits: 1).map(String.init) }
        let defaulter = ObjectDefaulter(registry: Self.registry)
        let stored = try defaulter.admit(documents[0], operation: .create, context: AdmissionContext())
        let replacement = try defaulter.admit(documents[1], operation: .update(old: stored), context: AdmissionContext())
        let error = try #require(throws: APIError.self) {
            try ObjectValidator(registry: Self.registry).validateUpdate(replacement, old: stored)
        }
        #expect(error.reason == .invalid)
        #expect(error.causes.map { [$0.type, $0.field] } == expectedCauses)
        #expect(Self.normalised(error.message) == Self.normalised(Self.patchTo137(lines[0], name: name)))
    }

    /// Kubernetes 1.37's wording where it differs from 1.20's.
    static func patchTo137(_ message: String, name: String) -> String {
        switch name {
        case "statefulset-service-name":
            // More spec fields became mutable (ordinals 1.26, persistentVolumeClaimRetentionPolicy 1.27,
            // minReadySeconds 1.25, revisionHistoryLimit later), and the message lists them.
            message.replacingOccurrences(
                of: "'replicas', 'template', and 'updateStrategy' are forbidden",
                with: "'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', "
                    + "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")
        case "persistentvolumeclaim-access-modes":
            // volumeAttributesClassName became mutable with VolumeAttributesClass (GA 1.34).
            message.replacingOccurrences(of: "except resources.requests for bound claims",
                                         with: "except resources.requests and volumeAttributesClassName for bound claims")
        default:
            message
        }
    }

    /// The message with Go's struct rendering of a bad value (`v1.LabelSelector{…}`,
    /// `rbac.RoleRef{…}`) and kplan's JSON rendering both replaced by a placeholder.
    static func normalised(_ message: String) -> String {
        guard let start = message.range(of: "Invalid value: "), let end = message.range(of: "}: ", range: start.upperBound..<message.endIndex) else {
            return message
        }
        let value = message[start.upperBound..<end.lowerBound]
        guard value.contains("{"), !value.hasPrefix("[]string") else { return message }
        return String(message[..<start.upperBound]) + "<value>: " + String(message[end.upperBound...])
    }

    @Test func allowedChangesPass() throws {
        let defaulter = ObjectDefaulter(registry: Self.registry)
        let deployment = KubeObject([
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "namespace": "default"],
            "spec": ["selector": ["matchLabels": ["app": "web"]],
                     "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "a", "image": "a:1"]]]]],
        ])
        let stored = try defaulter.admit(deployment, operation: .create, context: AdmissionContext())
        var changed = deployment
        changed[path: "spec", "replicas"] = 5
        changed[path: "spec", "template", "spec", "containers"] = [["name": "a", "image": "a:2"]]
        let replacement = try defaulter.admit(changed, operation: .update(old: stored), context: AdmissionContext())
        #expect(throws: Never.self) { try ObjectValidator(registry: Self.registry).validateUpdate(replacement, old: stored) }
    }

    @Test func aPodMayOnlyChangeItsImages() throws {
        let defaulter = ObjectDefaulter(registry: Self.registry)
        let pod = KubeObject(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p", "namespace": "default"],
                              "spec": ["containers": [["name": "a", "image": "a:1"]]]])
        let stored = try defaulter.admit(pod, operation: .create, context: AdmissionContext())
        var image = stored
        image[path: "spec", "containers"] = [["name": "a", "image": "a:2"]]
        let imageChange = try defaulter.admit(image, operation: .update(old: stored), context: AdmissionContext())
        #expect(throws: Never.self) { try ObjectValidator(registry: Self.registry).validateUpdate(imageChange, old: stored) }
        var command = stored
        command[path: "spec", "containers"] = [["name": "a", "image": "a:1", "command": ["sh"]]]
        let commandChange = try defaulter.admit(command, operation: .update(old: stored), context: AdmissionContext())
        let error = try #require(throws: APIError.self) {
            try ObjectValidator(registry: Self.registry).validateUpdate(commandChange, old: stored)
        }
        #expect(error.causes.map(\.field) == ["spec"])
        #expect(error.diagnostics.map(\.code) == ["api.forbidden-update"])
    }
}
