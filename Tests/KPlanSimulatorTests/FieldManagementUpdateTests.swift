import KPlanCore
import KPlanSimulator
import Testing

@Suite struct FieldManagementUpdateTests {
    private typealias Support = FieldManagementTestSupport
    private let manager = FieldManager()

    private static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default, labels: {app: web}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: app, image: "nginx:1.0"}
        """

    @Test func updaterTakesTheFieldsItChanges() throws {
        let schema = try Support.schema("apps/v1", "Deployment")
        let applied = try manager.apply(
            live: nil, applied: Support.object(Self.deployment), manager: "alpha", force: false, now: Support.now, schema: schema)
        var edited = applied
        edited[path: "spec", "replicas"] = 5
        let updated = manager.update(live: applied, new: edited, manager: "kubectl-edit", now: Support.later, schema: schema)
        #expect(updated[path: "spec", "replicas"] == 5)
        #expect(Support.fields(updated)["kubectl-edit"] == ["f:spec": ["f:replicas": [:]]])
        #expect(Support.fields(updated)["alpha"]?[path: "f:spec", "f:replicas"] == nil)
        let entries = updated[path: "metadata", "managedFields"]?.array ?? []
        #expect(entries.map { $0["operation"] } == ["Apply", "Update"])
        #expect(entries.last?["time"] == .string(Support.later))

        do {
            _ = try manager.apply(
                live: updated, applied: Support.object(Self.deployment), manager: "alpha", force: false, now: Support.later, schema: schema)
            Issue.record("expected a conflict")
        } catch {
            #expect(error.message == #"Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas"#)
        }
    }

    @Test func createByUpdateOwnsAddedMapsWithTheirDot() throws {
        let schema = try Support.schema("apps/v1", "Deployment")
        let created = manager.update(live: nil, new: Support.object(Self.deployment), manager: "kubectl-create", now: Support.now, schema: schema)
        let fields = try #require(Support.fields(created)["kubectl-create"])
        #expect(fields["f:metadata"] == ["f:labels": [".": [:], "f:app": [:]]])
        #expect(fields[path: "f:spec", "f:replicas"] == [:])
        #expect(fields[path: "f:spec", "f:template", "f:spec", "f:containers"] == [#"k:{"name":"app"}"#: [".": [:], "f:image": [:], "f:name": [:]]])
        #expect(fields["f:spec"]?["."] == nil)
    }

    @Test func fieldsBelowANewListItemAreAllNew() throws {
        let schema = try Support.schema("apps/v1", "Deployment")
        let created = manager.update(live: nil, new: Support.object(Self.deployment), manager: "kubectl-create", now: Support.now, schema: schema)
        var edited = created
        edited[path: "spec", "template", "spec", "containers"] = [
            ["name": "app", "image": "nginx:1.0"],
            ["name": "extra", "image": "busybox", "resources": ["limits": ["cpu": "1"]]],
        ]
        let updated = manager.update(live: created, new: edited, manager: "kubectl-edit", now: Support.later, schema: schema)
        let fields = try #require(Support.fields(updated)["kubectl-edit"])
        let extra = fields[path: "f:spec", "f:template", "f:spec", "f:containers", #"k:{"name":"extra"}"#]
        #expect(extra?["f:resources"] == [".": [:], "f:limits": [".": [:], "f:cpu": [:]]])
        #expect(extra?["."] == [:])
    }

    @Test func updateThatChangesNothingRecordsNothing() throws {
        let schema = try Support.schema("apps/v1", "Deployment")
        let applied = try manager.apply(
            live: nil, applied: Support.object(Self.deployment), manager: "alpha", force: false, now: Support.now, schema: schema)
        let same = manager.update(live: applied, new: applied, manager: "noop", now: Support.later, schema: schema)
        #expect(same == applied)
    }

    @Test func removedFieldsLeaveTheirOwners() throws {
        let schema = try Support.schema("apps/v1", "Deployment")
        let applied = try manager.apply(
            live: nil, applied: Support.object(Self.deployment), manager: "alpha", force: false, now: Support.now, schema: schema)
        var edited = applied
        edited[path: "spec", "replicas"] = nil
        let updated = manager.update(live: applied, new: edited, manager: "editor", now: Support.later, schema: schema)
        #expect(Support.fields(updated)["alpha"]?[path: "f:spec", "f:replicas"] == nil)
        #expect(Support.fields(updated)["editor"] == nil)
    }

    @Test func unknownKindsAreDeducedFromTheirValues() throws {
        let custom = Support.object("{apiVersion: x.io/v1, kind: Thing, metadata: {name: t}, spec: {size: 1, tags: [a, b]}}")
        let created = try manager.apply(live: nil, applied: custom, manager: "alpha", force: false, now: Support.now, schema: nil)
        #expect(Support.fields(created)["alpha"] == ["f:spec": [".": [:], "f:size": [:], "f:tags": [:]]])
    }

    @Test func olderUpdateManagersMergeIntoAncientChanges() throws {
        let schema = try Support.schema("v1", "ConfigMap")
        var object = Support.object("{apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: default}}")
        for index in 0..<12 {
            var next = object
            next[path: "data", "k\(index)"] = "v"
            object = manager.update(live: object, new: next, manager: "writer-\(index)", now: "2026-01-01T00:00:\(10 + index)Z", schema: schema)
        }
        let fields = Support.fields(object)
        #expect(fields.count == 10)
        #expect(fields["writer-0"] == nil && fields["writer-1"] == nil && fields["writer-2"] == nil)
        #expect(fields["ancient-changes"] == ["f:data": [".": [:], "f:k0": [:], "f:k1": [:], "f:k2": [:]]])
        #expect(fields["writer-11"] == ["f:data": ["f:k11": [:]]])
    }
}
