import KPlanCore

/// Collects one resource's semantic findings, each tagged with the resource's display name.
struct SemanticReport {
    /// The resource being checked.
    let resource: Resource
    /// The findings so far, in the order found.
    private(set) var diagnostics: [Diagnostic] = []

    /// Starts an empty report for `resource`.
    init(_ resource: Resource) {
        self.resource = resource
    }

    /// Records a finding at `node`.
    mutating func add(
        _ severity: Severity = .error, _ code: String, _ message: String, at node: Node, notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(
            Diagnostic(
                severity, code: code, message: message, at: resource.location(of: node), notes: notes,
                object: resource.displayName))
    }

    /// A note pointing at `node` of this resource.
    func note(_ message: String, at node: Node) -> Diagnostic.Note {
        Diagnostic.Note(message, at: resource.location(of: node))
    }
}
