import KPlanCore

/// One Kubernetes object that was checked, as the JUnit renderer lists it (one test case each).
public struct ReportObject: Hashable, Sendable {
    /// The file it came from, as given.
    public var file: String
    /// 0-based index of its document within the file.
    public var documentIndex: Int
    /// Its `apiVersion` (`apps/v1`).
    public var apiVersion: String
    /// Its kind (`Deployment`).
    public var kind: String
    /// `metadata.namespace`, nil when absent.
    public var namespace: String?
    /// `metadata.name`, `""` when missing.
    public var name: String
    /// The source range of the whole object; diagnostics starting inside it belong to it.
    public var range: SourceRange

    /// Creates an object entry.
    public init(
        file: String, documentIndex: Int, apiVersion: String, kind: String, namespace: String?, name: String,
        range: SourceRange
    ) {
        self.file = file
        self.documentIndex = documentIndex
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.range = range
    }

    /// Creates the entry for a loaded resource.
    public init(_ resource: Resource) {
        self.init(
            file: resource.file, documentIndex: resource.documentIndex, apiVersion: resource.gvk.apiVersion,
            kind: resource.gvk.kind, namespace: resource.namespace, name: resource.name, range: resource.node.range
        )
    }

    /// True when `location` starts inside this object's range in the same file.
    func contains(_ location: SourceLocation) -> Bool {
        let start = location.range.start
        return location.file == file && range.start <= start && (start < range.end || start == range.start)
    }
}
