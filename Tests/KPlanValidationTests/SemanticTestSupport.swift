import KPlanCore
import KPlanYAML
import Testing

@testable import KPlanValidation

/// Loads YAML text and builds one `Resource` per non-empty document from its apiVersion, kind and metadata.
func semanticResources(_ text: String, file: String = "t.yaml") -> [Resource] {
    let stream = YAMLLoader.load(Array(text.utf8), file: file)
    return stream.documents.filter { !$0.isEmpty }.map { document in
        let root = document.root
        let metadata = root["metadata"]
        return Resource(
            file: file, documentIndex: document.index, node: root,
            gvk: GroupVersionKind(apiVersion: root["apiVersion"]?.string ?? "", kind: root["kind"]?.string ?? ""),
            name: metadata?["name"]?.string ?? metadata?["generateName"]?.string ?? "",
            namespace: metadata?["namespace"]?.string)
    }
}

/// Runs the per-object checks on the single document of `text`.
func semanticCheck(_ text: String, scope: ResourceScope? = .namespaced) throws -> [Diagnostic] {
    let resource = try #require(semanticResources(text).first)
    return SemanticChecker.check(resource, scope: scope)
}

/// The diagnostics with `code`.
func diagnostics(_ all: [Diagnostic], code: String) -> [Diagnostic] {
    all.filter { $0.code == code }
}

/// The 1-based start of a diagnostic, as `line:column`.
func start(_ diagnostic: Diagnostic) -> String {
    diagnostic.location.range.start.description
}
