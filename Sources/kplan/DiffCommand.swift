import ArgumentParser
import KPlan
import KPlanOutput

/// `kplan diff`: what applying the manifests would change, object by object, as unified diffs.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what applying the manifests would change: a unified diff of each object's YAML.",
        discussion: "Exit status: 0 no changes, 2 changes present, 1 error, 64 usage error.")

    @OptionGroup var manifests: ManifestArguments
    @OptionGroup var planning: PlanArguments
    @OptionGroup var display: DisplayArguments
    @OptionGroup var cluster: ClusterArguments

    func validate() throws {
        if manifests.filenames.isEmpty { throw ValidationError("Name the manifests with -f FILE or -f DIRECTORY.") }
    }

    func run() async throws {
        try await PlanCommand.plan(manifests: manifests, planning: planning, display: display, cluster: cluster, style: .diff, out: nil)
    }
}
