import ArgumentParser
import KPlan

/// The `kplan` command line.
@main
struct KPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kplan",
        abstract: "A declarative manifest compiler and planner for Kubernetes.",
        version: KPlanInfo.version,
        subcommands: [LintCommand.self, RulesCommand.self]
    )
}
