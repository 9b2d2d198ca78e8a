import ArgumentParser
import KPlan

/// The `kplan` command line.
@main
struct KPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kplan",
        abstract: "A declarative manifest compiler and planner for Kubernetes.",
        version: KPlanInfo.version,
        subcommands: [LintCommand.self, DiffCommand.self, PlanCommand.self, ApplyCommand.self, GetCommand.self, DeleteCommand.self, RulesCommand.self]
    )
}
