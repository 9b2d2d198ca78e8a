import KPlanCore
import KPlanSimulator
import Testing

/// Field management compared with what a real kube-apiserver records (see each fixture's `source`).
@Suite struct FieldManagementFixtureTests {
    private typealias Support = FieldManagementTestSupport
    private let manager = FieldManager()

    /// `managedFields` without the times, which the fixtures elide.
    private func timeless(_ value: JSONValue?) -> JSONValue? {
        value?.array.map { entries in
            .array(entries.map { entry in
                var copy = entry
                copy["time"] = nil
                return copy
            })
        }
    }

    @Test func applyThenUpdatesMatchTheAPIServer() throws {
        let fixture = try Support.fixture("managed-fields-configmap.json")
        let schema = try Support.schema("v1", "ConfigMap")
        let applied = try #require(fixture["apply"].flatMap(KubeObject.init))
        var object = try manager.apply(
            live: nil, applied: applied, manager: "apply_test", force: false, now: Support.now, schema: schema)
        for update in fixture["updates"]?.array ?? [] {
            object = manager.update(live: object, new: try #require(KubeObject(update)), manager: "updater", now: Support.later, schema: schema)
        }
        let expected = try #require(fixture["expected"])
        #expect(timeless(object[path: "metadata", "managedFields"]) == expected[path: "metadata", "managedFields"])
        #expect(object["data"] == expected["data"])
        #expect(object[path: "metadata", "labels"] == expected[path: "metadata", "labels"])
    }

    @Test func appliedFieldsMatchTheAPIServerByteForByte() throws {
        let fixture = try Support.fixture("managed-fields-sidecar.json")
        let applied = try #require(fixture["apply"].flatMap(KubeObject.init))
        let created = try manager.apply(
            live: nil, applied: applied, manager: "sidecar_controller", force: false, now: Support.now,
            schema: Support.schema("apps/v1", "Deployment"))
        let entry = try #require(created[path: "metadata", "managedFields"]?.array?.first)
        let fields = try #require(entry["fieldsV1"].flatMap { FieldSet(fieldsV1: $0) })
        #expect(fields.fieldsV1Text == fixture["fieldsV1"]?.string)
    }

    @Test func fixtureFieldsRoundTrip() throws {
        let text = try #require(Support.fixture("managed-fields-sidecar.json")["fieldsV1"]?.string)
        let fields = try #require(FieldSet(fieldsV1: Support.json(text)))
        #expect(fields.fieldsV1Text == text)
        #expect(FieldSet(fieldsV1: fields.fieldsV1) == fields)
    }
}
