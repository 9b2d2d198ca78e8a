import KPlanCore

/// Collects one resource's semantic findings; ``SemanticChecker/check(_:scope:)`` names the resource in
/// them when the checks are done.
struct SemanticReport {
    /// The file of the resource being checked.
    let file: String
    /// The findings so far, in the order found.
    private(set) var diagnostics: [Diagnostic] = []

    /// Starts an empty report for `resource`.
    init(_ resource: Resource) {
        file = resource.file
    }

    /// Records a finding at `node`.
    mutating func add(
        _ severity: Severity = .error, _ code: String, _ message: String, at node: Node, notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(
            Diagnostic(
                severity, code: code, message: message, at: SourceLocation(file: file, range: node.range),
                notes: notes))
    }

    /// A note pointing at `node` of this resource.
    func note(_ message: String, at node: Node) -> Diagnostic.Note {
        Diagnostic.Note(message, at: SourceLocation(file: file, range: node.range))
    }
}
