import ArgumentParser
import KPlan
import KPlanDiff
import KPlanOutput

/// `kplan apply`: plan and apply the manifests in one step, or apply a saved plan exactly.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply the manifests (-f) after printing the plan, or apply a saved plan (PLANFILE) exactly.",
        discussion: """
            Writes go wave by wave and stop at the first failure; a re-run converges. A saved plan is refused, \
            before anything is written, when an object it changes has changed since it was made. Two applies on \
            one state never interleave: the second waits up to --lock-timeout seconds, then fails.
            Exit status: 0 applied or nothing to do, 1 error or refusal, 64 usage error.
            """)

    @Argument(help: "A plan saved with `kplan plan --out FILE`.")
    var planFile: String?

    @OptionGroup var manifests: ManifestArguments
    @OptionGroup var planning: PlanArguments
    @OptionGroup var display: DisplayArguments
    @OptionGroup var cluster: ClusterArguments

    @Flag(name: .customLong("dry-run"), help: "Print the plan and stop.")
    var dryRun = false

    func validate() throws {
        switch (planFile, manifests.filenames.isEmpty) {
        case (nil, true): throw ValidationError("Name the manifests with -f, or a saved plan file.")
        case (.some, false): throw ValidationError("Give either manifests (-f) or a saved plan file, not both.")
        case (nil, false), (.some, true): break
        }
    }

    func run() async throws {
        let session = try await Console.guarded {
            try ClusterSession.open(cluster.options, exclusive: !dryRun)
        }
        defer { session.close() }
        if let planFile {
            try await applySaved(planFile, session: session)
        } else {
            try await planAndApply(session: session)
        }
    }

    private func planAndApply(session: ClusterSession) async throws {
        let outcome = try await Console.guarded {
            try await PlanWorkflow.plan(manifests.options, settings: planning.settings, cluster: session.cluster)
        }
        Console.report(outcome.desired, color: display.color.resolvedForStandardError())
        guard let result = outcome.result else {
            Console.err("Nothing was applied: the manifests are invalid.\n")
            throw ExitCode(1)
        }
        guard result.problems.isEmpty else {
            Console.report(result)
            Console.err("Nothing was applied.\n")
            throw ExitCode(1)
        }
        Console.out(display.output.render(result.plan, options: display.renderOptions))
        Console.report(result)
        if dryRun || !result.plan.hasChanges { return }
        let applier = PlanApplier(backend: session.cluster, fieldManager: planning.fieldManager, forceConflicts: planning.forceConflicts)
        try finish(await applier.apply(result.plan) { change in Console.err("\(Self.pastTense(change.action)) \(change.key)\n") })
    }

    private func applySaved(_ path: String, session: ClusterSession) async throws {
        let registry = try await Console.guarded { try session.cluster.schemaRegistry() }
        let file = try await Console.guarded {
            try PlanFile.read(from: path) { gvk in
                if case .found(let schema) = registry.lookup(gvk) { return schema }
                return nil
            }
        }
        let target = absolutePath(session.statePath)
        if !file.cluster.isEmpty && file.cluster != target {
            throw Console.fail("the plan was made against the state \(file.cluster), not \(target); make a new plan")
        }
        Console.out(display.output.render(file.plan, options: display.renderOptions))
        if dryRun { return }
        let outcome = try await Console.guarded { try await PlanWorkflow.applySaved(file, cluster: session.cluster) }
        switch outcome {
        case .stale(let objects):
            Console.err("kplan: error: the plan is stale; nothing was applied. Changed since the plan:\n")
            for object in objects { Console.err("  \(object)\n") }
            Console.err("Make a new plan.\n")
            throw ExitCode(1)
        case .applied(let report):
            try finish(report)
        }
    }

    /// Reports what was and was not applied; exits 1 when a write failed.
    private func finish(_ report: ApplyReport) throws {
        guard let failure = report.failure else {
            Console.err("Apply complete: \(report.applied.count) change\(report.applied.count == 1 ? "" : "s") applied.\n")
            return
        }
        Console.err("kplan: error: \(failure.change.key): \(failure.message)\n")
        Console.err("Applied \(report.applied.count) change\(report.applied.count == 1 ? "" : "s") before the failure; not applied:\n")
        Console.err("  \(failure.change.action.rawValue) \(failure.change.key) (failed)\n")
        for change in report.notApplied { Console.err("  \(change.action.rawValue) \(change.key)\n") }
        Console.err("Fix the cause and run apply again: it converges.\n")
        throw ExitCode(1)
    }

    static func pastTense(_ action: PlanAction) -> String {
        switch action {
        case .create: "created"
        case .update: "updated"
        case .delete: "deleted"
        case .unchanged: "unchanged"
        }
    }
}
