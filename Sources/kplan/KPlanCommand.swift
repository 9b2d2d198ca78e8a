import ArgumentParser

/// The `kplan` command line.
@main
struct KPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kplan",
        abstract: "A declarative manifest compiler and planner for Kubernetes.",
        version: KPlanVersion.current,
        subcommands: [LintCommand.self]
    )
}

/// kplan's version, shown by `--version` and in machine-readable reports.
enum KPlanVersion {
    static let current = "0.1.0"
}
