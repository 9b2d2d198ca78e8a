import KPlanCore
import KPlanSimulator
import Testing

/// `FieldManager.unchangedOwnershipMerge`: the shortcut a plan takes must agree with a real apply.
@Suite struct FieldManagementNoOpTests {
    typealias Support = FieldManagementTestSupport

    static let config = """
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
                - name: web
                  image: nginx:1.27
                  ports: [{containerPort: 80}]
        """

    func stored() throws -> KubeObject {
        try FieldManager().apply(live: nil, applied: Support.object(Self.config), manager: "kplan", force: false,
                                 now: Support.now, schema: Support.schema("apps/v1", "Deployment"))
    }

    @Test func theSameConfigBySameManagerIsANoOp() throws {
        let live = try stored()
        let schema = try Support.schema("apps/v1", "Deployment")
        let merged = FieldManager().unchangedOwnershipMerge(live: live, applied: Support.object(Self.config), manager: "kplan", schema: schema)
        #expect(merged == FieldManager.withoutManagedFields(live.value))
        let again = try FieldManager().apply(live: live, applied: Support.object(Self.config), manager: "kplan", force: false, now: Support.later, schema: schema)
        #expect(again == live)
    }

    @Test func aChangedValueShowsInTheMerge() throws {
        let live = try stored()
        let changed = Self.config.replacingOccurrences(of: "image: nginx:1.27", with: "image: nginx:1.28")
        let merged = FieldManager().unchangedOwnershipMerge(live: live, applied: Support.object(changed), manager: "kplan",
                                                           schema: try Support.schema("apps/v1", "Deployment"))
        #expect(merged != nil)
        #expect(merged != FieldManager.withoutManagedFields(live.value))
    }

    @Test(arguments: [
        ("a dropped field", ", labels: {app: web}}", "}"),
        ("an added field", "replicas: 2", "replicas: 2\n  minReadySeconds: 5"),
    ])
    func ownershipChangesAreNotShortcut(_ what: String, _ from: String, _ to: String) throws {
        let live = try stored()
        let changed = Self.config.replacingOccurrences(of: from, with: to)
        #expect(changed != Self.config, "the edit for \(what) must apply")
        #expect(FieldManager().unchangedOwnershipMerge(live: live, applied: Support.object(changed), manager: "kplan",
                                                      schema: try Support.schema("apps/v1", "Deployment")) == nil)
    }

    @Test func anotherManagerIsNotShortcut() throws {
        #expect(FieldManager().unchangedOwnershipMerge(live: try stored(), applied: Support.object(Self.config), manager: "someone",
                                                      schema: try Support.schema("apps/v1", "Deployment")) == nil)
    }
}
