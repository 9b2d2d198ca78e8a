import KPlanCore
@testable import KPlanSimulator
import KPlanValidation
import Testing

/// `AppliedFieldsMatch` must answer exactly what making the configuration's `FieldSet` (less
/// `status` and the stripped fields) and comparing it with a stored `fieldsV1` answers: every
/// configuration of a kind is checked against every other one's recorded fields, so both equal and
/// unequal pairs are compared (keyed and set lists, atomic lists, empty and null members, stripped
/// metadata, map keys that are not declared fields).
@Suite struct FieldManagementAppliedFieldsMatchTests {
    private typealias Support = FieldManagementTestSupport

    /// A Deployment of one `web` pod template; the variants differ in values, in list items, in
    /// which members are set, and in empty and null members.
    private static func deployment(
        metadata: JSONValue = ["name": "web", "namespace": "default", "labels": ["app": "web"]], spec extra: [String: JSONValue] = [:],
        labels: JSONValue = ["app": "web"], containers: [JSONValue], pod extraPod: [String: JSONValue] = [:]
    ) -> String {
        var pod: [String: JSONValue] = ["containers": .array(containers)]
        pod.merge(extraPod) { _, new in new }
        var spec: [String: JSONValue] = [
            "selector": ["matchLabels": ["app": "web"]],
            "template": ["metadata": ["labels": labels], "spec": .object(pod)],
        ]
        spec.merge(extra) { _, new in new }
        return JSONValue.object(["apiVersion": "apps/v1", "kind": "Deployment", "metadata": metadata, "spec": .object(spec)]).compactJSON
    }

    private static let deployments = [
        deployment(spec: ["replicas": 2], containers: [[
            "name": "app", "image": "nginx:1.0", "args": ["a", "b"], "ports": [["containerPort": 80, "protocol": "TCP"]],
            "env": [["name": "A", "value": "1"], ["name": "B"]],
        ]]),
        deployment(spec: ["replicas": 3], containers: [[
            "name": "app", "image": "nginx:1.1", "args": ["c"], "ports": [["containerPort": 80, "protocol": "TCP"]],
            "env": [["name": "A", "value": "2"], ["name": "B"]],
        ]]),
        deployment(
            metadata: ["name": "web"], spec: ["strategy": [:], "paused": nil], labels: ["app": "web", "tier": "front"],
            containers: [["name": "app", "image": "nginx"], ["name": "side", "image": "busybox"]]),
        deployment(
            metadata: ["name": "web", "namespace": "default", "annotations": ["a": "b"]],
            containers: [["name": "app", "image": "nginx", "env": [["name": "A", "value": "1"], ["name": "B"]]]]),
        deployment(
            metadata: ["name": "web", "namespace": "default"], containers: [["name": "app", "image": "nginx"]],
            pod: ["tolerations": [["key": "k", "operator": "Exists"]]]),
    ]

    /// A Service of `web` with these ports (port and target pairs), and more spec members.
    private static func service(_ ports: [(Int, Int)], spec extra: [String: JSONValue] = [:]) -> String {
        var spec: [String: JSONValue] = [
            "selector": ["app": "web"],
            "ports": .array(ports.map { ["port": .int(Int64($0.0)), "protocol": "TCP", "targetPort": .int(Int64($0.1))] }),
        ]
        spec.merge(extra) { _, new in new }
        return JSONValue.object(["apiVersion": "v1", "kind": "Service", "metadata": ["name": "web", "namespace": "default"], "spec": .object(spec)])
            .compactJSON
    }

    private static let services = [
        service([(80, 8080), (443, 8443)]),
        service([(80, 8080)]),
        service([(80, 9090), (443, 8443)], spec: ["externalIPs": ["1.2.3.4"]]),
    ]

    private static let widgets = [
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: {size: 3, parts: [a, b], nested: {deep: {value: x}}}}",
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: {size: 4, parts: [c], nested: {deep: {value: y}}}}",
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: {size: 3, nested: {deep: {}}}}",
    ]

    /// What the general path answers: the recorded fields of `config`, written as `fieldsV1`, are `fieldsV1`.
    private static func recordedFields(of config: JSONValue, type: FieldType, written fieldsV1: JSONValue) throws -> Bool {
        let fields = try FieldSet.of(config, type: type)
            .recursiveDifference(FieldSet([FieldPath(fields: "status")])).difference(FieldManager.strippedFields)
        return fields.isWritten(as: fieldsV1)
    }

    @Test(arguments: [("apps/v1", "Deployment"), ("v1", "Service"), ("example.com/v1", "Widget")])
    func answersWhatTheFieldSetAnswers(apiVersion: String, kind: String) throws {
        let texts = kind == "Deployment" ? Self.deployments : kind == "Service" ? Self.services : Self.widgets
        let type = FieldType(schema: kind == "Widget" ? nil : try Support.schema(apiVersion, kind))
        var agreed = (equal: 0, unequal: 0)
        for stored in texts {
            let applied = try FieldManager().apply(
                live: nil, applied: Support.object(stored), manager: "kplan", force: false, now: Support.now,
                schema: kind == "Widget" ? nil : try Support.schema(apiVersion, kind))
            let fieldsV1 = try #require(Support.fields(applied)["kplan"])
            for text in texts {
                let config = Support.json(text)
                let expected = try Self.recordedFields(of: config, type: type, written: fieldsV1)
                #expect(try AppliedFieldsMatch.matches(config, type: type, fieldsV1: fieldsV1, ignoring: ["status"]) == expected,
                        "\(text) against the fields of \(stored)")
                if expected { agreed.equal += 1 } else { agreed.unequal += 1 }
            }
        }
        // Both answers were exercised.
        #expect(agreed.equal >= texts.count && agreed.unequal > 0)
    }

    @Test func aConfigurationSettingAnIgnoredFieldIsLeftToTheGeneralPath() throws {
        let type = FieldType(schema: try Support.schema("v1", "Service"))
        let config = Support.json(Self.services[1])
        let fieldsV1 = try #require(Support.fields(try FieldManager().apply(
            live: nil, applied: KubeObject(config) ?? KubeObject([:]), manager: "kplan", force: false, now: Support.now,
            schema: try Support.schema("v1", "Service")))["kplan"])
        var withStatus = config
        withStatus["status"] = ["loadBalancer": [:]]
        #expect(try AppliedFieldsMatch.matches(config, type: type, fieldsV1: fieldsV1, ignoring: ["status"]))
        #expect(try !AppliedFieldsMatch.matches(withStatus, type: type, fieldsV1: fieldsV1, ignoring: ["status"]))
    }

    /// Compared with the fields of the same Service with its port, the walk reaches the keyless item.
    @Test func aKeyedItemWithoutItsKeyThrowsAsTheFieldSetDoes() throws {
        let schema = try Support.schema("v1", "Service")
        let type = FieldType(schema: schema)
        let fieldsV1 = try #require(Support.fields(try FieldManager().apply(
            live: nil, applied: Support.object(Self.services[1]), manager: "kplan", force: false, now: Support.now,
            schema: schema))["kplan"])
        var config = Support.json(Self.services[1])
        config.set(.array([["targetPort": 8080]]), at: ["spec", "ports"])
        #expect(throws: FieldTypeError.self) { try FieldSet.of(config, type: type) }
        #expect(throws: FieldTypeError.self) {
            try AppliedFieldsMatch.matches(config, type: type, fieldsV1: fieldsV1, ignoring: ["status"])
        }
    }
}
