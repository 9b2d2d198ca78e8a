import ArgumentParser
import KPlan
import KPlanDiff
import KPlanOutput

/// `kplan plan`: the plan — each change with its wave and field paths — optionally saved for
/// `kplan apply PLANFILE`.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the plan for applying the manifests: changes by wave with the fields they touch; --out saves it.",
        discussion: "Exit status: 0 no changes, 2 changes present, 1 error, 64 usage error.")

    @OptionGroup var manifests: ManifestArguments
    @OptionGroup var planning: PlanArguments
    @OptionGroup var display: DisplayArguments
    @OptionGroup var cluster: ClusterArguments

    @Option(name: .customLong("out"), help: "Save the plan to this file (mode 0600) for `kplan apply FILE`.")
    var out: String?

    func validate() throws {
        if manifests.filenames.isEmpty { throw ValidationError("Name the manifests with -f FILE or -f DIRECTORY.") }
    }

    func run() async throws {
        try await Self.plan(manifests: manifests, planning: planning, display: display, cluster: cluster, style: .fields, out: out)
    }

    /// Plans and prints; shared by `diff` and `plan`. Exits 0 (no changes), 2 (changes) or 1.
    static func plan(
        manifests: ManifestArguments, planning: PlanArguments, display: DisplayArguments, cluster: ClusterArguments,
        style: PlanTextStyle, out: String?
    ) async throws {
        let outcome = try await Console.guarded {
            let session = try ClusterSession.open(cluster.options, exclusive: false)
            return try await PlanWorkflow.plan(manifests.options, settings: planning.settings, cluster: session.cluster)
        }
        Console.report(outcome.desired, color: display.color.resolvedForStandardError())
        guard let result = outcome.result else { throw ExitCode(1) }
        guard result.problems.isEmpty else {
            Console.report(result)
            throw ExitCode(1)
        }
        var options = display.renderOptions
        options.style = style
        Console.out(display.output.render(result.plan, options: options))
        Console.report(result)
        if let out {
            try await Console.guarded {
                let state = ClusterOptions(statePath: cluster.state).statePath
                try PlanFile(plan: result.plan, fieldManager: planning.fieldManager, forceConflicts: planning.forceConflicts,
                             cluster: absolutePath(state)).write(to: out)
                Console.err("Saved the plan to \(out); apply it with: kplan apply \(out)\n")
            }
        }
        if result.plan.hasChanges { throw Console.changesPresent }
    }
}
