import KPlanCore
import KPlanOutput

/// What one lint run found.
public struct LintResult: Sendable {
    /// Every finding, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// The sources of files that have findings, for renderers that show source lines.
    public var sources: [String: SourceFile]
    /// Number of files read.
    public var fileCount: Int
    /// Number of non-empty YAML documents read.
    public var documentCount: Int
    /// Number of Kubernetes resources found (List items counted one by one).
    public var resourceCount: Int
    /// Every resource checked, for reports that list objects (JUnit).
    public var objects: [ReportObject]
    /// Every resource as an object, in input order, when `LintOptions.keepObjects` asked for them.
    public var manifestObjects: [ManifestObject] = []

    /// Creates a result.
    public init(diagnostics: [Diagnostic], sources: [String: SourceFile], fileCount: Int, documentCount: Int,
                resourceCount: Int, objects: [ReportObject]) {
        self.objects = objects
        self.diagnostics = diagnostics
        self.sources = sources
        self.fileCount = fileCount
        self.documentCount = documentCount
        self.resourceCount = resourceCount
    }

    /// The number of findings at `severity`.
    public func count(_ severity: Severity) -> Int {
        diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }

    /// True when any finding is an error: the run's exit status is then 1.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension LintResult {
    /// The result as a report for the renderers.
    public func report(toolVersion: String, rules: [RuleDescriptor]) -> LintReport {
        LintReport(
            diagnostics: diagnostics, sources: Array(sources.values), objects: objects,
            counts: .init(files: fileCount, documents: documentCount, resources: resourceCount),
            toolVersion: toolVersion, toolInformationURI: KPlanInfo.informationURI, rules: rules)
    }
}
