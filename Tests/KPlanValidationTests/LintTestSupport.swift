import KPlanCore
import KPlanYAML
@testable import KPlanValidation

/// A rule example with its `↓` markers removed and their positions recorded.
struct LintMarkedExample {
    /// The text to parse.
    let text: String
    /// Where findings must start, in the stripped text.
    let markers: Set<SourcePosition>

    init(_ marked: String) {
        var text = ""
        var markers: Set<SourcePosition> = []
        var line = 1
        var column = 1
        for scalar in marked.unicodeScalars {
            if scalar == "↓" {
                markers.insert(SourcePosition(line: line, column: column))
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        self.markers = markers
    }
}

/// The Kubernetes objects of a YAML text, as the loader's callers build them, plus any YAML diagnostics.
func lintResources(_ text: String, file: String = "example.yaml") -> (resources: [Resource], diagnostics: [Diagnostic]) {
    let stream = YAMLLoader.load(Array(text.utf8), file: file)
    var resources: [Resource] = []
    for document in stream.documents where !document.isEmpty {
        let root = document.root
        let gvk = GroupVersionKind(apiVersion: root["apiVersion"]?.string ?? "", kind: root["kind"]?.string ?? "")
        let name = root[path: "metadata", "name"]?.string ?? root[path: "metadata", "generateName"]?.string ?? ""
        resources.append(Resource(file: file, documentIndex: document.index, node: root, gvk: gvk, name: name,
                                  namespace: root[path: "metadata", "namespace"]?.string))
    }
    return (resources, stream.diagnostics)
}

/// Runs one rule directly (ignoring enablement) over every resource of `text`.
func lintFindings(_ rule: any LintRule, _ text: String, kubernetesVersion: LintKubernetesVersion? = nil) -> [LintFinding] {
    let resources = lintResources(text).resources
    let context = LintContext(resources: resources, kubernetesVersion: kubernetesVersion)
    var findings: [LintFinding] = []
    for resource in resources {
        rule.check(resource, in: context, into: &findings)
    }
    return findings
}
