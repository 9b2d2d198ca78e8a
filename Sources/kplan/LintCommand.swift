import ArgumentParser
import Foundation
import KPlan
import KPlanOutput

/// `kplan lint`: validate manifests offline and report findings.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Validate Kubernetes manifests offline: YAML, schemas, CRDs, semantic checks and lint rules.",
        discussion: """
            Exit status: 0 when no finding is an error, 1 when any is (malformed YAML included), 64 on a usage error.
            """
    )

    @Argument(help: "Files or directories to lint (directories are searched for .yaml, .yml and .json); - reads standard input.")
    var paths: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Output format: text, json, sarif, junit or github.")
    var output: OutputFormat = .text

    @Option(name: .customLong("kubernetes-version"), help: "Kubernetes version whose schemas apply: 1.35, 1.36 or 1.37.")
    var kubernetesVersion: String?

    @Option(name: .customLong("crd"), help: "A file or directory of CustomResourceDefinitions to validate custom resources with (repeatable).")
    var crdPaths: [String] = []

    @Flag(name: .customLong("ignore-missing-schemas"), help: "Report custom resources without a known schema as warnings, not errors.")
    var ignoreMissingSchemas = false

    @Flag(name: .customLong("skip-non-kubernetes"), help: "Skip YAML documents that have no apiVersion or kind instead of reporting them.")
    var skipNonKubernetes = false

    @Option(name: [.short, .long], help: "Namespace assumed for namespaced objects that name none.")
    var namespace: String = "default"

    @Option(name: .long, help: "Configuration file (default: .kplan.yaml in the working directory or a parent).")
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore any configuration file.")
    var noConfig = false

    @Option(name: .customLong("enable"), help: "Enable a lint rule by id (repeatable).")
    var enableRules: [String] = []

    @Option(name: .customLong("disable"), help: "Disable a lint rule by id (repeatable).")
    var disableRules: [String] = []

    @Option(name: .long, help: "Files checked at once: 0 uses every core, 1 checks on one core.")
    var jobs: Int = 0

    @Option(name: .long, help: "Colour in text output: auto, always or never (auto honours NO_COLOR and needs a terminal).")
    var color: ColorPolicy = .auto

    func validate() throws {
        if jobs < 0 {
            throw ValidationError("--jobs must be 0 (every core) or more.")
        }
        if paths.isEmpty {
            throw ValidationError("Name at least one file or directory to lint, or - for standard input.")
        }
    }

    func run() throws {
        let options = LintOptions(
            paths: paths, kubernetesVersion: kubernetesVersion, crdPaths: crdPaths,
            ignoreMissingSchemas: ignoreMissingSchemas, skipNonKubernetes: skipNonKubernetes,
            defaultNamespace: namespace, configPath: config, noConfig: noConfig,
            enableRules: enableRules, disableRules: disableRules, jobs: jobs, collectObjects: output == .junit)
        let result: LintResult
        do {
            result = try Linter(options: options).run()
        } catch {
            throw ValidationError(error.description)
        }
        let report = result.report(toolVersion: KPlanInfo.version, rules: [])
        let text = output.render(report, options: RenderOptions(color: color.resolvedForStandardOutput()))
        FileHandle.standardOutput.write(Data(text.utf8))
        if result.hasErrors { throw ExitCode(1) }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension ColorPolicy: ExpressibleByArgument {}
