import KPlanCore
import KPlanSimulator
import Testing

/// `FieldManager.unchangedOwnershipMerge` accepts a stored Apply entry that is already the applied
/// fields without decoding it, and must answer as decoding does for entries that are not.
@Suite struct FieldManagementUnchangedOwnershipTests {
    private typealias Support = FieldManagementTestSupport

    private static let config = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
        """

    /// The object as `kplan` applied it, its entry edited by `edit`.
    private func live(_ edit: (inout JSONValue) -> Void = { _ in }) throws -> KubeObject {
        var object = try FieldManager().apply(
            live: nil, applied: Support.object(Self.config), manager: "kplan", force: false, now: Support.now,
            schema: Support.schema("apps/v1", "Deployment"))
        var entries = try #require(object[path: "metadata", "managedFields"]?.array)
        edit(&entries[0])
        object[path: "metadata", "managedFields"] = .array(entries)
        return object
    }

    private func merge(_ live: KubeObject) throws -> JSONValue? {
        FieldManager().unchangedOwnershipMerge(
            live: live, applied: Support.object(Self.config), manager: "kplan", schema: try Support.schema("apps/v1", "Deployment"))
    }

    @Test func anEntryThatIsTheAppliedFieldsIsUnchanged() throws {
        let live = try live()
        #expect(try merge(live) == FieldManager.withoutManagedFields(live.value))
    }

    @Test func anEntryAlsoHoldingFieldsNoApplyOwnsIsUnchanged() throws {
        let live = try live { entry in
            entry.set(["f:replicas": [:]], at: ["fieldsV1", "f:status"])
            entry.set(["f:name": [:]], at: ["fieldsV1", "f:metadata"])
        }
        #expect(try merge(live) == FieldManager.withoutManagedFields(live.value))
    }

    @Test(arguments: ["apiVersion", "fieldsV1", "subresource"])
    func anEntryDifferingOtherwiseIsNotShortcut(_ field: String) throws {
        let live = try live { entry in
            switch field {
            case "apiVersion": entry["apiVersion"] = "apps/v1beta2"
            case "fieldsV1": entry.set([:], at: ["fieldsV1", "f:spec", "f:paused"])
            default: entry["subresource"] = "scale"
            }
        }
        #expect(try merge(live) == nil)
    }
}
