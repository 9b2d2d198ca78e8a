import KPlanCore

/// Everything `kplan lint` found, ready to render: sorted diagnostics, the sources they point into,
/// the objects checked, counts, the tool's version and the rules it knows.
public struct LintReport: Sendable {
    /// How much input was read.
    public struct Counts: Hashable, Sendable {
        /// Files read (standard input counts as one).
        public var files: Int
        /// YAML documents read, empty ones included.
        public var documents: Int
        /// Kubernetes objects found in those documents.
        public var resources: Int

        /// Creates counts.
        public init(files: Int, documents: Int, resources: Int) {
            self.files = files
            self.documents = documents
            self.resources = resources
        }
    }

    /// The findings, in a total, deterministic order (file, position, code, message, then the rest).
    public let diagnostics: [Diagnostic]
    /// Source files by path, for showing source lines; a path may be missing.
    public let sources: [String: SourceFile]
    /// The objects checked, ordered by file, document and position.
    public let objects: [ReportObject]
    /// How much input was read.
    public let counts: Counts
    /// The tool's version string (`0.3.0`).
    public let toolVersion: String
    /// A URL describing the tool, when there is one (SARIF `informationUri`).
    public let toolInformationURI: String?
    /// Descriptions of the rules the tool knows, ordered by id.
    public let rules: [RuleDescriptor]

    /// Creates a report, sorting diagnostics, objects and rules so every rendering is deterministic.
    ///
    /// When several sources share a path the last one wins; when several rules share an id the first wins.
    public init(
        diagnostics: [Diagnostic], sources: [SourceFile] = [], objects: [ReportObject] = [], counts: Counts,
        toolVersion: String, toolInformationURI: String? = nil, rules: [RuleDescriptor] = []
    ) {
        self.diagnostics = diagnostics.sorted(by: Self.precedes)
        self.sources = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        self.objects = objects.sorted {
            ($0.file, $0.documentIndex, $0.range.start, $0.kind, $0.namespace ?? "", $0.name)
                < ($1.file, $1.documentIndex, $1.range.start, $1.kind, $1.namespace ?? "", $1.name)
        }
        self.counts = counts
        self.toolVersion = toolVersion
        self.toolInformationURI = toolInformationURI
        var seen = Set<String>()
        self.rules = rules.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }

    /// The number of diagnostics of one severity.
    public func count(of severity: Severity) -> Int {
        diagnostics.lazy.filter { $0.severity == severity }.count
    }

    /// Extends `Diagnostic`'s order to a total one, so equal-looking findings still sort the same way.
    private static func precedes(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs < rhs { return true }
        if rhs < lhs { return false }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.location.range.end != rhs.location.range.end {
            return lhs.location.range.end < rhs.location.range.end
        }
        if lhs.object != rhs.object { return (lhs.object ?? "") < (rhs.object ?? "") }
        return lhs.notes.map(\.sortKey).lexicographicallyPrecedes(rhs.notes.map(\.sortKey))
    }
}

extension Diagnostic.Note {
    /// A string that orders notes deterministically.
    fileprivate var sortKey: String {
        guard let location else { return "\u{0}\(message)" }
        return "\(location.file)\u{0}\(location.range)\u{0}\(message)"
    }
}
