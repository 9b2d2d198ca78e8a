import KPlanCore
import KPlanSimulator
import Testing

@Suite struct FieldManagementFieldSetTests {
    private let app = FieldPath.Element.key([FieldPath.KeyField(name: "name", value: "app")])
    private let port = FieldPath.Element.key([
        FieldPath.KeyField(name: "containerPort", value: 80), FieldPath.KeyField(name: "protocol", value: "TCP"),
    ])

    private var containers: FieldPath { FieldPath(fields: "spec", "containers") }

    @Test func encodesDotForAStepThatIsAlsoAParent() {
        let set = FieldSet([
            FieldPath(fields: "metadata", "labels", "app"),
            containers.appending(app),
            containers.appending(app).appending(.field("image")),
            containers.appending(app).appending(.field("ports")).appending(port),
            FieldPath(fields: "spec", "finalizers").appending(.value("a")),
            FieldPath(fields: "spec", "args").appending(.index(0)),
        ])
        #expect(set.fieldsV1Text == #"{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:args":{"i:0":{}},"f:containers":{"k:{\"name\":\"app\"}":{".":{},"f:image":{},"f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{}}}},"f:finalizers":{"v:\"a\"":{}}}}"#)
        #expect(FieldSet(fieldsV1: set.fieldsV1) == set)
    }

    @Test func readsKubernetesText() throws {
        let text = #"{"f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{},"f:name":{}}}}}"#
        let set = try #require(FieldSet(fieldsV1: FieldManagementTestSupport.json(text)))
        #expect(set.paths == [containers.appending(app), containers.appending(app).appending(.field("name"))])
        #expect(set.fieldsV1Text == text)
    }

    @Test func refusesMalformedKeys() {
        #expect(FieldSet(fieldsV1: ["x:spec": [:]]) == nil)
        #expect(FieldSet(fieldsV1: ["k:{bad": [:]]) == nil)
        #expect(FieldSet(fieldsV1: ["f:spec": "text"]) == nil)
    }

    @Test func setOperations() {
        let a = FieldSet([FieldPath(fields: "spec", "replicas"), FieldPath(fields: "spec", "paused")])
        let b = FieldSet([FieldPath(fields: "spec", "replicas"), FieldPath(fields: "metadata", "labels", "x")])
        #expect(a.union(b).paths.count == 3)
        #expect(a.intersection(b).paths == [FieldPath(fields: "spec", "replicas")])
        #expect(a.difference(b).paths == [FieldPath(fields: "spec", "paused")])
        #expect(a.recursiveDifference(FieldSet([FieldPath(fields: "spec")])).isEmpty)
        #expect(a.difference(FieldSet([FieldPath(fields: "spec")])) == a)
        #expect(b.contains(FieldPath(fields: "metadata", "labels", "x")))
        #expect(!b.contains(FieldPath(fields: "metadata", "labels")))
    }

    @Test func leavesSkipStepsWithPathsBelow() {
        let set = FieldSet([containers.appending(app), containers.appending(app).appending(.field("image"))])
        #expect(set.leaves.paths == [containers.appending(app).appending(.field("image"))])
    }

    @Test func managedFieldsEntryRoundTrips() throws {
        let value = FieldManagementTestSupport.json(#"""
            {"manager":"kubectl","operation":"Update","apiVersion":"apps/v1","time":"2026-01-01T00:00:00Z",
             "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}}}
            """#)
        let entry = try #require(ManagedFieldsEntry(value))
        #expect(entry.operation == .update)
        #expect(entry.fields.paths == [FieldPath(fields: "spec", "replicas")])
        #expect(entry.json == value)
    }
}
