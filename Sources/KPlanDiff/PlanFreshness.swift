import KPlanCore

/// Checks a saved plan against the cluster before it is applied: every object it changes must be as
/// the plan saw it (the same uid and resourceVersion, or still absent).
public enum PlanFreshness {
    /// One object that changed since the plan was made.
    public struct StaleObject: Sendable, Hashable, CustomStringConvertible {
        /// The object.
        public var key: ResourceKey
        /// What changed.
        public var reason: String

        public var description: String { "\(key): \(reason)" }
    }

    /// The objects of `plan`'s changes that are no longer as the plan saw them, with the fields that
    /// changed where the plan kept the object.
    public static func staleObjects(in plan: Plan, backend: any ClusterBackend) async throws -> [StaleObject] {
        var stale: [StaleObject] = []
        for change in plan.changes where change.action != .unchanged {
            let live = try await backend.get(change.key)
            switch (change.liveUID, live) {
            case (nil, nil):
                continue
            case (nil, let live?):
                stale.append(StaleObject(key: change.key, reason: "was absent when planned, now exists (created at resourceVersion \(live.resourceVersion ?? "?"))"))
            case (.some, nil):
                stale.append(StaleObject(key: change.key, reason: "was deleted since the plan"))
            case (let uid?, let live?):
                if live.uid != uid {
                    stale.append(StaleObject(key: change.key, reason: "was deleted and created again since the plan (uid \(uid) → \(live.uid ?? "?"))"))
                } else if live.resourceVersion != change.liveResourceVersion {
                    let fields = ObjectDiff.compare(before: change.before?.value, after: NoiseFilter.strip(live).value, schema: nil)
                    let paths = (fields.added + fields.modified + fields.removed).sorted().map(\.description)
                    let detail = paths.isEmpty ? "" : "; changed: " + paths.prefix(10).joined(separator: ", ") + (paths.count > 10 ? ", …" : "")
                    stale.append(StaleObject(key: change.key, reason: "was modified since the plan (resourceVersion \(change.liveResourceVersion ?? "?") → \(live.resourceVersion ?? "?"))\(detail)"))
                }
            }
        }
        return stale
    }
}
