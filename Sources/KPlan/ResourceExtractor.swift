import KPlanCore
import KPlanYAML

/// Turns loaded YAML documents into Kubernetes resources.
///
/// Empty documents are skipped; `kind: List` (and any `…List` kind with `items`) is expanded into its
/// items; a document without `apiVersion` or `kind` is reported, or skipped silently when the caller
/// asks to skip non-Kubernetes YAML.
public struct ResourceExtractor: Sendable {
    /// Skip documents that are not Kubernetes objects instead of reporting them.
    public var skipNonKubernetes: Bool

    /// Creates an extractor.
    public init(skipNonKubernetes: Bool = false) {
        self.skipNonKubernetes = skipNonKubernetes
    }

    /// The resources in one document, and diagnostics when it holds none.
    public func resources(in document: YAMLDocument, file: String) -> (resources: [Resource], diagnostics: [Diagnostic]) {
        var resources: [Resource] = []
        var diagnostics: [Diagnostic] = []
        if !document.isEmpty {
            extract(document.root, file: file, documentIndex: document.index, into: &resources, &diagnostics)
        }
        return (resources, diagnostics)
    }

    private func extract(_ node: Node, file: String, documentIndex: Int, insideList: Bool = false,
                         into resources: inout [Resource], _ diagnostics: inout [Diagnostic]) {
        func report(_ code: String, _ message: String, at target: Node) {
            guard !skipNonKubernetes else { return }
            diagnostics.append(Diagnostic(.error, code: code, message: message,
                                          at: SourceLocation(file: file, range: target.range)))
        }
        guard node.entries != nil else {
            report("input.not-an-object", "a Kubernetes object must be a mapping, found \(describe(node))", at: node)
            return
        }
        let apiVersionNode = node["apiVersion"]
        let kindNode = node["kind"]
        guard let apiVersion = apiVersionNode?.string, !apiVersion.isEmpty else {
            report("input.missing-api-version",
                   apiVersionNode == nil ? "object has no apiVersion" : "apiVersion must be a non-empty string",
                   at: apiVersionNode ?? node)
            return
        }
        guard let kind = kindNode?.string, !kind.isEmpty else {
            report("input.missing-kind", kindNode == nil ? "object has no kind" : "kind must be a non-empty string",
                   at: kindNode ?? node)
            return
        }
        if kind.hasSuffix("List"), let items = node["items"], !insideList {
            guard let itemNodes = items.items else {
                if !items.isNull { report("input.list-items", "items of a \(kind) must be a list", at: items) }
                return
            }
            for item in itemNodes {
                extract(item, file: file, documentIndex: documentIndex, insideList: true, into: &resources, &diagnostics)
            }
            return
        }
        let metadata = node["metadata"]
        let name = metadata?["name"]?.string ?? metadata?["generateName"]?.string ?? ""
        resources.append(Resource(
            file: file, documentIndex: documentIndex, node: node,
            gvk: GroupVersionKind(apiVersion: apiVersion, kind: kind),
            name: name, namespace: metadata?["namespace"]?.string))
    }

    private func describe(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar): "a scalar (\"\(scalar.text.prefix(40))\")"
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        }
    }
}
