import KPlanCore
import KPlanDiff
import KPlanSimulator
import KPlanValidation
import KPlanYAML

/// The plan pipeline: manifests → desired state → plan against a cluster, and a plan → writes.
public enum PlanWorkflow {
    /// What planning produced: the desired state (with its findings) and, when the manifests were
    /// valid, the plan.
    public struct Outcome: Sendable {
        /// The manifests as read and validated.
        public var desired: DesiredState
        /// The plan, nil when the manifests are invalid.
        public var result: PlanResult?
    }

    /// Reads and validates the manifests, then plans them against `cluster`.
    public static func plan(
        _ manifests: ManifestOptions, settings: PlanSettings, cluster: EmbeddedCluster
    ) async throws -> Outcome {
        let desired = try DesiredState.load(manifests, kubernetesVersion: cluster.builtin.version, resources: try await cluster.resources())
        guard desired.isValid else { return Outcome(desired: desired, result: nil) }
        let registry = try schemaRegistry(cluster: cluster, desired: desired.objects)
        let prune = settings.prune
            ? PruneOptions(
                applySet: ApplySet(name: settings.applySetName, namespace: manifests.namespace ?? "default"),
                maxDeletions: settings.maxDeletions, allowDelete: settings.allowDelete, tooling: "kplan/\(KPlanInfo.version)")
            : nil
        let request = PlanRequest(objects: desired.objects, fieldManager: settings.fieldManager, forceConflicts: settings.forceConflicts, prune: prune)
        let result = try await planner(cluster: cluster, registry: registry).plan(request)
        return Outcome(desired: desired, result: result)
    }

    /// A planner against `cluster` that reads list keys from `registry`.
    public static func planner(cluster: EmbeddedCluster, registry: SchemaRegistry) -> Planner {
        Planner(backend: cluster) { gvk in
            if case .found(let schema) = registry.lookup(gvk) { return schema }
            return nil
        }
    }

    /// The built-in schemas with the cluster's CRDs and those of the manifests.
    public static func schemaRegistry(cluster: EmbeddedCluster, desired: [ManifestObject]) throws -> SchemaRegistry {
        try cluster.schemaRegistry().adding(crds: desired.compactMap { CRDCompiler.compile($0.object) })
    }

    /// Checks a saved plan is still current, then applies it.
    /// - Returns: the stale objects (nothing written) or the apply report.
    public static func applySaved(_ file: PlanFile, cluster: EmbeddedCluster) async throws -> SavedPlanOutcome {
        let stale = try await PlanFreshness.staleObjects(in: file.plan, backend: cluster)
        guard stale.isEmpty else { return .stale(stale) }
        let applier = PlanApplier(backend: cluster, fieldManager: file.fieldManager, forceConflicts: file.forceConflicts)
        return .applied(await applier.apply(file.plan))
    }

    /// What applying a saved plan did.
    public enum SavedPlanOutcome: Sendable {
        /// Objects changed since the plan; nothing was written.
        case stale([PlanFreshness.StaleObject])
        /// The plan was carried out (fully, or up to a failed write).
        case applied(ApplyReport)
    }
}
