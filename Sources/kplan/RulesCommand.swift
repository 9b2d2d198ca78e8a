import ArgumentParser
import KPlan

/// `kplan rules`: list every diagnostic code and lint rule with its default severity.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the lint rules (and, with --all, every diagnostic code) with their default severity."
    )

    @Flag(name: .long, help: "Also list the fixed codes of the YAML, input, schema, CRD, semantic and config stages.")
    var all = false

    func run() {
        if all { print(LintCatalog.markdownTableOfCodes()) }
        print(LintCatalog.markdownTableOfRules(), terminator: "")
    }
}
