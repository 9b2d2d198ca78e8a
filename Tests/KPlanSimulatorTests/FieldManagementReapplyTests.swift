import KPlanCore
import KPlanSimulator
import KPlanValidation
import Testing

/// A manager re-applying to an object whose managed fields are only its own Apply entry (the shortcut
/// `FieldManager.apply` takes when that entry owns exactly the applied fields) must store what the
/// general path stores. The same object with a second manager owning an unrelated annotation always
/// takes the general path; the two results must differ only in that manager's entry.
@Suite struct FieldManagementReapplyTests {
    private typealias Support = FieldManagementTestSupport

    /// One re-apply: the object as first applied, the configuration applied next, and the apiVersion
    /// the stored entry records (nil: the one applied).
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var apiVersion: String
        var kind: String
        var first: String
        var next: String
        var storedAPIVersion: String? = nil

        var testDescription: String { name }
    }

    private static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default, labels: {app: web}}
        spec:
          replicas: 2
          paused: false
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: app
                image: nginx:1.0
                ports: [{containerPort: 80, protocol: TCP}]
                env: [{name: A, value: "1"}, {name: B, value: "2"}]
        """

    private static let service = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: default}
        spec:
          selector: {app: web}
          ports: [{port: 80, protocol: TCP, targetPort: 8080}, {port: 443, protocol: TCP, targetPort: 8443}]
        """

    private static let widget = """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w, namespace: default}
        spec: {size: 3, parts: [a, b], nested: {deep: {value: x}}}
        """

    static let scenarios: [Scenario] = [
        Scenario(name: "unchanged", apiVersion: "apps/v1", kind: "Deployment", first: deployment, next: deployment),
        Scenario(
            name: "keyed item changed", apiVersion: "apps/v1", kind: "Deployment", first: deployment,
            next: deployment.replacingOccurrences(of: "nginx:1.0", with: "nginx:1.1")),
        Scenario(
            name: "item of a keyed item changed", apiVersion: "apps/v1", kind: "Deployment", first: deployment,
            next: deployment.replacingOccurrences(of: #"value: "2""#, with: #"value: "3""#)),
        Scenario(
            name: "field dropped", apiVersion: "apps/v1", kind: "Deployment", first: deployment,
            next: deployment.replacingOccurrences(of: "  paused: false\n", with: "")),
        Scenario(
            name: "keyed item dropped", apiVersion: "apps/v1", kind: "Deployment", first: deployment,
            next: deployment.replacingOccurrences(of: #", {name: B, value: "2"}"#, with: "")),
        Scenario(
            name: "keyed item added", apiVersion: "apps/v1", kind: "Deployment", first: deployment,
            next: deployment.replacingOccurrences(of: #"{name: B, value: "2"}"#, with: #"{name: B, value: "2"}, {name: C, value: "3"}"#)),
        Scenario(
            name: "stored apiVersion differs, value unchanged", apiVersion: "apps/v1", kind: "Deployment", first: deployment,
            next: deployment, storedAPIVersion: "apps/v1beta2"),
        Scenario(
            name: "stored apiVersion differs, value changed", apiVersion: "apps/v1", kind: "Deployment", first: deployment,
            next: deployment.replacingOccurrences(of: "replicas: 2", with: "replicas: 3"), storedAPIVersion: "apps/v1beta2"),
        Scenario(
            name: "service port changed", apiVersion: "v1", kind: "Service", first: service,
            next: service.replacingOccurrences(of: "targetPort: 8443", with: "targetPort: 9443")),
        Scenario(name: "service unchanged", apiVersion: "v1", kind: "Service", first: service, next: service),
        Scenario(
            name: "schemaless value changed", apiVersion: "example.com/v1", kind: "Widget", first: widget,
            next: widget.replacingOccurrences(of: "value: x", with: "value: y")),
        Scenario(
            name: "schemaless field dropped", apiVersion: "example.com/v1", kind: "Widget", first: widget,
            next: widget.replacingOccurrences(of: "size: 3, ", with: "")),
        Scenario(name: "schemaless unchanged", apiVersion: "example.com/v1", kind: "Widget", first: widget, next: widget),
    ]

    private static func schema(_ scenario: Scenario) throws -> Schema? {
        scenario.kind == "Widget" ? nil : try Support.schema(scenario.apiVersion, scenario.kind)
    }

    private static let otherEntry = Support.json(#"""
        {"manager":"other","operation":"Update","apiVersion":"v1","time":"2026-01-01T00:00:00Z",
         "fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:annotations":{"f:note":{}}}}}
        """#)

    /// The object first applied by `kplan`, with an annotation nobody owns and the stored entry's
    /// apiVersion as the scenario says.
    private static func live(_ scenario: Scenario) throws -> KubeObject {
        var object = try FieldManager().apply(
            live: nil, applied: Support.object(scenario.first), manager: "kplan", force: false, now: Support.now,
            schema: schema(scenario))
        object[path: "metadata", "annotations"] = ["note": "kept"]
        if let stored = scenario.storedAPIVersion {
            var entries = try #require(object[path: "metadata", "managedFields"]?.array)
            entries[0]["apiVersion"] = .string(stored)
            object[path: "metadata", "managedFields"] = .array(entries)
        }
        return object
    }

    private static func reapply(_ live: KubeObject, _ scenario: Scenario) throws -> KubeObject {
        try FieldManager().apply(
            live: live, applied: Support.object(scenario.next), manager: "kplan", force: false, now: Support.later,
            schema: schema(scenario))
    }

    @Test(arguments: scenarios) func aSoleApplierGetsWhatTheGeneralPathGives(_ scenario: Scenario) throws {
        let sole = try Self.live(scenario)
        var shared = sole
        let entries = try #require(sole[path: "metadata", "managedFields"]?.array)
        shared[path: "metadata", "managedFields"] = .array(entries + [Self.otherEntry])

        let alone = try Self.reapply(sole, scenario)
        var together = try Self.reapply(shared, scenario)
        let kept = try #require(together[path: "metadata", "managedFields"]?.array)
        #expect(kept.contains(Self.otherEntry))
        together[path: "metadata", "managedFields"] = .array(kept.filter { $0 != Self.otherEntry })
        #expect(alone == together)
        #expect(alone[path: "metadata", "annotations", "note"] == "kept")
    }

    @Test func anUnchangedValueKeepsTheEntryAndItsTime() throws {
        let live = try Self.live(Self.scenarios[0])
        #expect(try Self.reapply(live, Self.scenarios[0]) == live)
    }

    @Test func aChangedValueMovesOnlyTheTime() throws {
        let live = try Self.live(Self.scenarios[1])
        let result = try Self.reapply(live, Self.scenarios[1])
        let before = try #require(live[path: "metadata", "managedFields"]?.array?.first)
        let after = try #require(result[path: "metadata", "managedFields"]?.array)
        #expect(after.count == 1)
        var expected = before
        expected["time"] = .string(Support.later)
        #expect(after[0] == expected)
        #expect(result[path: "spec", "template", "spec", "containers"]?.array?.first?["image"] == "nginx:1.1")
    }

    @Test func aStoredAPIVersionIsReplacedWithoutMovingTheTime() throws {
        let scenario = Self.scenarios[6]
        let result = try Self.reapply(try Self.live(scenario), scenario)
        let entry = try #require(result[path: "metadata", "managedFields"]?.array?.first)
        #expect(entry["apiVersion"] == "apps/v1")
        #expect(entry["time"] == .string(Support.now))
    }

    @Test func aDroppedFieldIsPruned() throws {
        let scenario = Self.scenarios[3]
        let result = try Self.reapply(try Self.live(scenario), scenario)
        #expect(result[path: "spec", "paused"] == nil)
        #expect(result[path: "spec", "replicas"] == 2)
    }
}
