import KPlanCore
import KPlanOutput
import KPlanYAML

/// Runs `kplan lint`: reads the inputs, parses them, validates every resource and returns the findings.
///
/// Files are read and checked in parallel, one document at a time, so only the resources that
/// cross-object checks need stay in memory.
public struct Linter: Sendable {
    /// What to lint and how.
    public var options: LintOptions

    /// Creates a linter.
    public init(options: LintOptions) {
        self.options = options
    }

    /// Lints the inputs named in the options.
    public func run() -> LintResult {
        let collector = InputCollector(workingDirectory: options.workingDirectory)
        let (files, collectDiagnostics) = collector.collect(options.paths)
        let reader = FileReader(workingDirectory: options.workingDirectory)
        let extractor = ResourceExtractor(skipNonKubernetes: options.skipNonKubernetes)

        let outcomes = files.parallelMap(parallel: options.jobs != 1) { path -> FileOutcome in
            guard let bytes = reader.read(path) else {
                return FileOutcome(path: path, bytes: [], diagnostics: [FileReader.unreadable(path)])
            }
            var outcome = FileOutcome(path: path, bytes: bytes, diagnostics: [])
            let yamlDiagnostics = YAMLLoader.forEachDocument(bytes, file: path) { document in
                guard !document.isEmpty else { return }
                outcome.documentCount += 1
                let stream = YAMLStream(documents: [document], diagnostics: [])
                let (resources, diagnostics) = extractor.resources(in: stream, file: path)
                outcome.diagnostics += diagnostics
                outcome.resourceCount += resources.count
                outcome.objects += resources.map(ReportObject.init)
            }
            outcome.diagnostics += yamlDiagnostics
            return outcome
        }

        var diagnostics = collectDiagnostics
        var sources: [String: SourceFile] = [:]
        var documentCount = 0
        var resourceCount = 0
        var objects: [ReportObject] = []
        for outcome in outcomes {
            objects += outcome.objects
            diagnostics += outcome.diagnostics
            documentCount += outcome.documentCount
            resourceCount += outcome.resourceCount
            if !outcome.diagnostics.isEmpty {
                sources[outcome.path] = SourceFile(path: outcome.path, bytes: outcome.bytes)
            }
        }
        return LintResult(diagnostics: diagnostics.sorted(), sources: sources, fileCount: files.count,
                          documentCount: documentCount, resourceCount: resourceCount, objects: objects)
    }
}

/// What checking one file produced.
private struct FileOutcome: Sendable {
    var path: String
    var bytes: [UInt8]
    var diagnostics: [Diagnostic]
    var documentCount = 0
    var resourceCount = 0
    var objects: [ReportObject] = []
}
