import KPlanCore

/// Reports pod references to Secrets or ConfigMaps the input does not define, when the input defines
/// at least one object of that kind in the namespace (otherwise it is plausibly managed elsewhere).
struct LintReferenceCheck: Sendable {
    /// The kind of reference checked.
    let target: LintPodReference.Target

    func check(_ resource: Resource, in context: LintContext, into findings: inout [LintFinding]) {
        guard let pod = LintPodTemplate(resource) else { return }
        let namespace = context.namespace(of: resource)
        guard context.hasObjects(group: "", kind: target.kind, in: namespace) else { return }
        for reference in LintPodReference.all(in: pod) where reference.target == target {
            guard let name = reference.name.string,
                  context.object(group: "", kind: target.kind, in: namespace, named: name) == nil
            else { continue }
            findings.append(LintFinding(
                "\(reference.origin) refers to \(target.kind) \"\(name)\", which is not in the input for namespace \"\(namespace)\"",
                at: reference.name))
        }
    }
}
