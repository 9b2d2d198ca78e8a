import KPlanCore
@testable import KPlanSimulator
import KPlanValidation
import Testing

/// Defaulting writes back only what it changes: an object that is already defaulted keeps its
/// storage, so a dry run's result shares it with the live object and compares with it at once.
@Suite struct AdmissionStorageSharingTests {
    static let defaulter = ObjectDefaulter(registry: try! SchemaRegistry.builtin(version: SchemaRegistry.defaultVersion))

    static func deployment(memory: String) -> KubeObject {
        KubeObject([
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": "web", "namespace": "default"],
            "spec": [
                "selector": ["matchLabels": ["app": "web"]],
                "template": [
                    "metadata": ["labels": ["app": "web"]],
                    "spec": ["containers": [[
                        "name": "web", "image": "nginx:1.27", "ports": [["containerPort": 80]],
                        "resources": ["limits": ["memory": .string(memory), "cpu": "500m"]],
                    ]]],
                ],
            ],
        ])
    }

    @Test func defaultingADefaultedObjectKeepsItsStorage() {
        let once = Self.defaulter.defaulted(Self.deployment(memory: "1Gi"))
        let twice = Self.defaulter.defaulted(once)
        #expect(twice.value == once.value)
        let paths = [["spec"], ["spec", "template"], ["spec", "template", "spec", "containers"], ["spec", "selector"], ["spec", "strategy"]]
        for path in paths {
            let before = once.value[path: path], after = twice.value[path: path]
            #expect(before != nil && after.map { $0.isSameStorage(as: before!) } == true, "\(path)")
        }
    }

    @Test func aQuantityToCanonicaliseIsStillRewritten() {
        let once = Self.defaulter.defaulted(Self.deployment(memory: "1Gi"))
        var value = once.value
        var containers = value[path: "spec", "template", "spec", "containers"]!.array!
        containers[0].set("1024Mi", at: ["resources", "limits", "memory"])
        value.set(.array(containers), at: ["spec", "template", "spec", "containers"])
        let raw = KubeObject(value)!
        let fixed = Self.defaulter.defaulted(raw)
        #expect(fixed.value[path: "spec", "template", "spec", "containers"]?.array?.first?[path: "resources", "limits", "memory"] == "1Gi")
        #expect(fixed.value[path: "spec", "selector"]!.isSameStorage(as: once.value[path: "spec", "selector"]!))
    }
}
