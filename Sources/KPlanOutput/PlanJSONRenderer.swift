import KPlanCore
import KPlanDiff

/// The plan as a versioned JSON document, pretty-printed with sorted keys and a trailing newline.
///
/// ```
/// {
///   "apiVersion": "kplan.dev/v1alpha1",
///   "changes": [
///     {
///       "action": "update",                 // "create", "update", "delete" or "unchanged"
///       "after": { … },                     // the object as it would be stored; null for delete, unchanged
///       "apiVersion": "apps/v1",
///       "before": { … },                    // the live object; null for create, unchanged
///       "fields": {                         // leaf field paths, as Kubernetes prints them
///         "added": [".spec.template.spec.containers[name=\"app\"].env[name=\"MODE\"].value"],
///         "modified": [".spec.replicas"],
///         "removed": []
///       },
///       "group": "apps",
///       "kind": "Deployment",
///       "name": "web",
///       "namespace": "prod",                // null when cluster-scoped
///       "source": "deploy.yaml:1:1",        // where the manifest is; null for deletions
///       "wave": 2                           // 1-based, as the text output numbers waves
///     }
///   ],
///   "kind": "Plan",
///   "summary": { "create": 0, "delete": 0, "hasChanges": true, "unchanged": 0, "update": 1 },
///   "waves": [ { "kinds": ["Deployment"], "objects": 1, "wave": 1 } ]
/// }
/// ```
/// Changes come in plan order (wave, then key), unchanged objects included. Objects have their
/// noise removed (see `NoiseFilter`), and Secret values are masked unless `showSecrets`. Fields are
/// only ever added within an apiVersion.
public struct PlanJSONRenderer: PlanRenderer {
    /// The document's `apiVersion`.
    public static let apiVersion = "kplan.dev/v1alpha1"

    /// Whether Secret values are written as they are.
    public var showSecrets: Bool

    /// Creates a JSON renderer.
    public init(showSecrets: Bool = false) {
        self.showSecrets = showSecrets
    }

    /// Renders the plan as a `kplan.dev/v1alpha1` Plan document.
    public func render(_ plan: Plan) -> String {
        let shown = showSecrets ? plan : SecretMasker.mask(plan)
        var changes: [JSONValue] = []
        var waves: [JSONValue] = []
        for (number, wave) in zip(1..., shown.waves) {
            var kinds: [String] = []
            for change in wave where !kinds.contains(change.key.kind) { kinds.append(change.key.kind) }
            waves.append([
                "wave": .int(Int64(number)), "kinds": .array(kinds.map(JSONValue.string)),
                "objects": .int(Int64(wave.count)),
            ])
            changes += wave.map { Self.change($0, wave: number) }
        }
        let document: JSONValue = [
            "apiVersion": .string(Self.apiVersion),
            "kind": "Plan",
            "summary": [
                "create": .int(Int64(shown.count(of: .create))),
                "update": .int(Int64(shown.count(of: .update))),
                "delete": .int(Int64(shown.count(of: .delete))),
                "unchanged": .int(Int64(shown.count(of: .unchanged))),
                "hasChanges": .bool(shown.hasChanges),
            ],
            "waves": .array(waves),
            "changes": .array(changes),
        ]
        return document.prettyJSON
    }

    private static func change(_ change: PlannedChange, wave: Int) -> JSONValue {
        let unchanged = change.action == .unchanged
        return [
            "action": .string(change.action.rawValue),
            "apiVersion": .string(change.apiVersion),
            "group": .string(change.key.group),
            "kind": .string(change.key.kind),
            "namespace": change.key.namespace.isEmpty ? .null : .string(change.key.namespace),
            "name": .string(change.key.name),
            "wave": .int(Int64(wave)),
            "source": change.source.map { .string($0.description) } ?? .null,
            "fields": [
                "added": .array(change.fields.added.map { .string($0.description) }),
                "modified": .array(change.fields.modified.map { .string($0.description) }),
                "removed": .array(change.fields.removed.map { .string($0.description) }),
            ],
            "before": unchanged ? .null : change.before?.value ?? .null,
            "after": unchanged ? .null : change.after?.value ?? .null,
        ]
    }
}
