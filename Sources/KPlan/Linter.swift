import Foundation
import KPlanCore
import KPlanOutput
import KPlanValidation
import KPlanYAML

/// Runs `kplan lint`: reads the inputs, parses them, validates every resource and returns the findings.
///
/// The stages, in order: configuration; the schema registry for the Kubernetes version, extended with
/// CRDs from `--crd` paths; parsing every input file in parallel (CRDs found in the input are compiled
/// as they are read); then, once every CRD is known, schema validation, semantic checks and lint rules
/// for every resource in parallel, and the checks over the whole set (duplicates, cross-object rules).
public struct Linter: Sendable {
    /// What to lint and how.
    public var options: LintOptions

    /// Creates a linter.
    public init(options: LintOptions) {
        self.options = options
    }

    /// Lints the inputs named in the options.
    /// - Throws: `LintError` when the run cannot start (an unsupported Kubernetes version).
    public func run() throws(LintError) -> LintResult {
        let reader = FileReader(workingDirectory: options.workingDirectory)
        let loaded = ConfigurationLocator(reader: reader).load(explicitPath: options.configPath, disabled: options.noConfig)
        var configuration = loaded.configuration
        var diagnostics = loaded.diagnostics
        apply(options, to: &configuration)

        let version = options.kubernetesVersion ?? configuration.kubernetesVersion.map { "\($0.major).\($0.minor)" }
            ?? SchemaRegistry.defaultVersion
        let builtin: SchemaRegistry
        do {
            builtin = try SchemaRegistry.builtin(version: version)
        } catch {
            throw .unsupportedKubernetesVersion(version, supported: SchemaRegistry.supportedVersions)
        }
        let extractor = ResourceExtractor(skipNonKubernetes: options.skipNonKubernetes || configuration.skipNonKubernetes)
        let collector = InputCollector(workingDirectory: options.workingDirectory)

        // CRDs named with --crd are schema sources, not inputs: only their compile errors are reported.
        let (crdFiles, crdCollectDiagnostics) = collector.collect(options.crdPaths)
        diagnostics += crdCollectDiagnostics
        let referenceCRDs = crdFiles.parallelMap(parallel: options.jobs != 1) { path in
            FileStage(reader: reader, extractor: extractor).crds(in: path)
        }
        var registry = builtin.adding(crds: referenceCRDs.flatMap(\.crds))
        diagnostics += referenceCRDs.flatMap(\.diagnostics)

        let (allFiles, collectDiagnostics) = collector.collect(options.paths)
        diagnostics += collectDiagnostics
        let files = allFiles.filter { !configuration.isExcluded(path: absolute(reader.resolved($0))) }
        let parsed = files.parallelMap(parallel: options.jobs != 1) { path in
            FileStage(reader: reader, extractor: extractor).parse(path)
        }
        registry = registry.adding(crds: parsed.flatMap(\.crds))

        let resources = parsed.flatMap(\.resources)
        let checker = ResourceChecker(
            registry: registry, engine: LintEngine(configuration: configuration),
            ignoreMissingSchemas: options.ignoreMissingSchemas || configuration.ignoreMissingSchemas,
            defaultNamespace: options.defaultNamespace, resources: resources)
        let perResource = resources.parallelMap(parallel: options.jobs != 1) { checker.check($0) }

        diagnostics += parsed.flatMap(\.diagnostics)
        diagnostics += perResource.flatMap { $0 }
        diagnostics += checker.checkSet()
        diagnostics.sort()

        let filesWithFindings = Set(diagnostics.map(\.location.file))
        var sources: [String: SourceFile] = [:]
        for file in parsed where filesWithFindings.contains(file.path) {
            sources[file.path] = SourceFile(path: file.path, bytes: file.bytes)
        }
        if let source = loaded.source, filesWithFindings.contains(source.path) {
            sources[source.path] = source
        }
        return LintResult(
            diagnostics: diagnostics, sources: sources, fileCount: files.count,
            documentCount: parsed.reduce(0) { $0 + $1.documentCount }, resourceCount: resources.count,
            objects: resources.map(ReportObject.init))
    }

    /// Folds the command-line rule switches into the configuration; the command line wins, and a
    /// named rule wins over `all` (`--disable all --enable latest-tag` runs one rule).
    private func apply(_ options: LintOptions, to configuration: inout LintConfiguration) {
        for id in options.disableRules {
            if id == "all" {
                configuration.enable.remove("all")
                configuration.disable.insert("all")
            } else {
                configuration.rules[id, default: .init()].enabled = false
            }
        }
        for id in options.enableRules {
            if id == "all" {
                configuration.disable.remove("all")
                configuration.enable.insert("all")
            } else {
                configuration.rules[id, default: .init()].enabled = true
            }
        }
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
