import ArgumentParser
import KPlan
import KPlanOutput

/// `--state` and `--kubernetes-version`: which embedded cluster a command works on.
struct ClusterArguments: ParsableArguments {
    @Option(name: .customLong("state"), help: "The embedded cluster's state database (default: $KPLAN_STATE, else .kplan/cluster.db).")
    var state: String?

    @Option(name: .customLong("kubernetes-version"), help: "Kubernetes version the cluster serves: 1.35, 1.36 or 1.37.")
    var kubernetesVersion: String?

    @Option(name: .customLong("lock-timeout"), help: "Seconds to wait for another kplan process writing the same state.")
    var lockTimeout: Int = 10

    /// The options for the library.
    var options: ClusterOptions {
        ClusterOptions(statePath: state, kubernetesVersion: kubernetesVersion, lockTimeout: .seconds(lockTimeout))
    }
}

/// `-f`, `-n`, `--crd`: which manifests make the desired state.
struct ManifestArguments: ParsableArguments {
    @Option(name: [.short, .customLong("filename")], help: "A manifest file or directory (repeatable); - reads standard input.")
    var filenames: [String] = []

    @Option(name: [.short, .long], help: "Namespace for namespaced objects that name none (default: default).")
    var namespace: String?

    @Option(name: .customLong("crd"), help: "A file or directory of CustomResourceDefinitions for validation (repeatable).")
    var crdPaths: [String] = []

    /// The options for the library.
    var options: ManifestOptions {
        ManifestOptions(paths: filenames, namespace: namespace, crdPaths: crdPaths)
    }
}

/// How the plan is made: field manager, conflicts, pruning and its guards.
struct PlanArguments: ParsableArguments {
    @Option(name: .customLong("field-manager"), help: "The field manager to apply as.")
    var fieldManager: String = PlanSettings.defaultFieldManager

    @Flag(name: .customLong("force-conflicts"), help: "Take ownership of fields other managers own instead of refusing.")
    var forceConflicts = false

    @Flag(name: .customLong("prune"), help: "Delete objects applied earlier with --prune that the manifests no longer hold (ApplySet).")
    var prune = false

    @Option(name: .customLong("applyset"), help: "Name of the ApplySet parent Secret (in the -n namespace).")
    var applySet: String = PlanSettings.defaultApplySetName

    @Option(name: .customLong("max-deletions"), help: "Refuse a plan that deletes more objects than this.")
    var maxDeletions: Int?

    @Option(name: .customLong("allow-delete"), help: "Let a prune delete objects of this protected kind: Namespace, CustomResourceDefinition, PersistentVolume, PersistentVolumeClaim (repeatable).")
    var allowDelete: [String] = []

    /// The settings for the library.
    var settings: PlanSettings {
        PlanSettings(
            fieldManager: fieldManager, forceConflicts: forceConflicts, prune: prune, applySetName: applySet,
            maxDeletions: maxDeletions, allowDelete: Set(allowDelete))
    }

    func validate() throws {
        if let maxDeletions, maxDeletions < 0 { throw ValidationError("--max-deletions must be 0 or more.") }
        if (maxDeletions != nil || !allowDelete.isEmpty) && !prune {
            throw ValidationError("--max-deletions and --allow-delete guard a prune: add --prune.")
        }
    }
}

/// How a plan is shown.
struct DisplayArguments: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: "Output format: text or json.")
    var output: PlanOutputFormat = .text

    @Option(name: .long, help: "Colour in text output: auto, always or never (auto honours NO_COLOR and needs a terminal).")
    var color: ColorPolicy = .auto

    @Flag(name: .customLong("show-secrets"), help: "Show Secret values instead of masking them.")
    var showSecrets = false

    @Flag(name: .customLong("show-unchanged"), help: "List unchanged objects too.")
    var showUnchanged = false

    /// The renderer options.
    var renderOptions: PlanRenderOptions {
        PlanRenderOptions(color: color.resolvedForStandardOutput(), showSecrets: showSecrets, listUnchanged: showUnchanged)
    }
}

extension PlanOutputFormat: ExpressibleByArgument {}
