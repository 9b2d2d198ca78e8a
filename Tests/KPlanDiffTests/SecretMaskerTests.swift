import KPlanCore
import Testing
import KPlanDiff

private func secret(_ data: [String: JSONValue], stringData: [String: JSONValue]? = nil) -> KubeObject {
    var members: [String: JSONValue] = [
        "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "db", "namespace": "prod"], "data": .object(data),
    ]
    if let stringData { members["stringData"] = .object(stringData) }
    return KubeObject(members)
}

@Suite struct SecretMaskerTests {
    @Test func marksUnchangedChangedAddedAndRemovedValues() {
        let before = secret(["same": "c2VjcmV0", "changed": "YWJj", "gone": "eA=="])
        let after = secret(["same": "c2VjcmV0", "changed": "YWJjZGVm", "new": "eHk="], stringData: ["token": "hunter2"])
        let masked = SecretMasker.mask(before: before, after: after)
        #expect(masked.before?["data"] == [
            "same": "(sensitive, 6 bytes)", "changed": "(sensitive, 3 bytes, before change)", "gone": "(sensitive, 1 byte)",
        ])
        #expect(masked.after?["data"] == [
            "same": "(sensitive, 6 bytes)", "changed": "(sensitive, changed, 3 → 6 bytes)", "new": "(sensitive, 2 bytes)",
        ])
        #expect(masked.after?["stringData"] == ["token": "(sensitive, 7 bytes)"])
        #expect(masked.after?.name == "db")
    }

    @Test func leavesOtherKindsAndGroupsAlone() {
        let configMap = KubeObject(["apiVersion": "v1", "kind": "ConfigMap", "data": ["a": "secret-looking"]])
        let custom = KubeObject(["apiVersion": "example.com/v1", "kind": "Secret", "data": ["a": "x"]])
        #expect(SecretMasker.mask(before: configMap, after: custom) == (configMap, custom))
    }

    @Test func masksLastAppliedAndWholePlans() throws {
        var object = secret(["k": "dg=="])
        object.annotations = [NoiseFilter.lastAppliedAnnotation: "{\"data\":{\"k\":\"dg==\"}}"]
        let change = PlannedChange(
            key: object.key, apiVersion: "v1", action: .create, before: nil, after: object, desired: object,
            fields: FieldChanges(), wave: 0, liveUID: nil, liveResourceVersion: nil, source: nil)
        let masked = try #require(SecretMasker.mask(Plan(changes: [change])).changes.first)
        #expect(masked.after?["data"] == ["k": "(sensitive, 1 byte)"])
        #expect(masked.desired?["data"] == ["k": "(sensitive, 1 byte)"])
        #expect(masked.after?.annotations[NoiseFilter.lastAppliedAnnotation] == "(sensitive)")
        #expect(masked.key == change.key && masked.action == .create)
    }
}
