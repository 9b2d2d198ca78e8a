import Foundation
import KPlanCore
import KPlanOutput
import KPlanValidation
import KPlanYAML

/// Runs `kplan lint`: reads the inputs, parses them, validates every resource and returns the findings.
///
/// The stages, in order: configuration; the schema registry for the Kubernetes version, extended with
/// CRDs from `--crd` paths; every input file in parallel, each resource checked as soon as it is read
/// (schema validation, semantic checks, per-object lint rules) and reduced to compact facts, CRDs
/// compiled as they are read; custom resources whose CRD was not known yet, once every CRD is; then the
/// checks over the whole set (duplicates, cross-object lint rules) over the facts.
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
        let engine = LintEngine(configuration: configuration)
        let ignoreMissingSchemas = options.ignoreMissingSchemas || configuration.ignoreMissingSchemas
        func checker(_ registry: SchemaRegistry) -> ObjectChecker {
            ObjectChecker(registry: registry, engine: engine, ignoreMissingSchemas: ignoreMissingSchemas,
                          defaultNamespace: options.defaultNamespace)
        }
        func stage(_ registry: SchemaRegistry, pipelineWorkers: Int = 0) -> FileStage {
            FileStage(
                reader: reader, extractor: extractor, checker: checker(registry), collectObjects: options.collectObjects,
                keepObjects: options.keepObjects, pipelineWorkers: pipelineWorkers)
        }

        // CRDs named with --crd are schema sources, not inputs: only their compile errors are reported.
        let (crdFiles, crdCollectDiagnostics) = collector.collect(options.crdPaths)
        diagnostics += crdCollectDiagnostics
        let referenceStage = stage(builtin)
        let referenceCRDs = crdFiles.parallelMap(parallel: options.jobs != 1) { referenceStage.crds(in: $0) }
        let known = builtin.adding(crds: referenceCRDs.flatMap(\.crds))
        diagnostics += referenceCRDs.flatMap(\.diagnostics)

        // Each file is parsed and its resources checked as they are read; only custom resources whose
        // CRD may come later in the input wait, for the registry that has every input CRD.
        let (allFiles, collectDiagnostics) = collector.collect(options.paths)
        diagnostics += collectDiagnostics
        let files = allFiles.filter { !configuration.isExcluded(path: absolute(reader.resolved($0))) }
        // Fewer files than cores: each large one is also checked on threads of its own as it is parsed.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let pipelineWorkers = options.jobs != 1 && files.count < cores ? max(1, cores / max(1, files.count) - 1) : 0
        let knownStage = stage(known, pipelineWorkers: pipelineWorkers)
        var outcomes = files.parallelMap(parallel: options.jobs != 1) { knownStage.check($0) }
        let complete = checker(known.adding(crds: outcomes.flatMap(\.crds)))
        let deferred = outcomes.flatMap(\.deferred).parallelMap(parallel: options.jobs != 1) { complete.check($0) }
        // Per-file results are merged except the facts, which the set-level rules read where they are.
        var everything = FileOutcome(path: "")
        everything.identities.reserveCapacity(outcomes.reduce(deferred.count) { $0 + $1.identities.count })
        for index in outcomes.indices {
            everything.diagnostics += outcomes[index].diagnostics
            everything.identities += outcomes[index].identities
            everything.objects += outcomes[index].objects
            everything.manifestObjects += outcomes[index].manifestObjects
            everything.documentCount += outcomes[index].documentCount
            everything.resourceCount += outcomes[index].resourceCount
            outcomes[index].diagnostics = []
            outcomes[index].identities = []
            outcomes[index].objects = []
            outcomes[index].manifestObjects = []
        }
        deferred.forEach { everything.add($0) }

        diagnostics += everything.diagnostics
        diagnostics += engine.lintSet(chunks: outcomes.map(\.facts) + [everything.facts])
        diagnostics += SemanticChecker.duplicates(among: inputOrder(everything.identities, files: files))
        diagnostics = diagnostics.sortedForOutput()

        var result = LintResult(
            diagnostics: diagnostics, sources: sources(for: diagnostics, outcomes: outcomes, configuration: loaded.source),
            fileCount: files.count, documentCount: everything.documentCount, resourceCount: everything.resourceCount,
            objects: everything.objects)
        result.manifestObjects = everything.manifestObjects
        return result
    }

    /// Identities in input order (file, then position), so "first defined here" is the earlier one
    /// even for resources checked after the rest.
    ///
    /// Each run of identities from one file looks its file's position up once; the identities are
    /// already in order unless some resources were checked late, and are then returned as they are.
    private func inputOrder(_ identities: [ObjectIdentity], files: [String]) -> [ObjectIdentity] {
        let fileIndex = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let ranks = identities.ranksByRun(of: \.nameLocation.file) { fileIndex[$0] ?? 0 }
        func precedes(_ left: Int, _ right: Int) -> Bool {
            ranks[left] != ranks[right] ? ranks[left] < ranks[right]
                : identities[left].nameLocation.range.start < identities[right].nameLocation.range.start
        }
        if identities.indices.dropFirst().allSatisfy({ !precedes($0, $0 - 1) }) { return identities }
        return identities.indices.sorted(by: precedes).map { identities[$0] }
    }

    /// The sources of the files that have findings, read again now that the findings are known (files
    /// are not kept in memory while they are checked); standard input's bytes were kept.
    private func sources(for diagnostics: [Diagnostic], outcomes: [FileOutcome], configuration: SourceFile?) -> [String: SourceFile] {
        let reader = FileReader(workingDirectory: options.workingDirectory)
        var sources: [String: SourceFile] = [:]
        if let configuration { sources[configuration.path] = configuration }
        let standardInput = outcomes.first { $0.path == "-" }?.standardInput
        // The diagnostics are sorted by file, so each file's run is looked at once, without hashing
        // every diagnostic's path.
        var previousPath: String?
        for diagnostic in diagnostics {
            let path = diagnostic.location.file
            guard path != previousPath else { continue }
            previousPath = path
            guard sources[path] == nil else { continue }
            if path == "-" {
                if let standardInput { sources[path] = SourceFile(path: path, bytes: standardInput) }
            } else if let bytes = reader.read(path) {
                sources[path] = SourceFile(path: path, bytes: bytes)
            }
        }
        return sources
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
