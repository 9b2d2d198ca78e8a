import KPlanCore

/// Reports pod references to Secrets or ConfigMaps the input does not define, when the input defines
/// at least one object of that kind in the namespace (otherwise it is plausibly managed elsewhere).
struct LintReferenceCheck: Sendable {
    /// The kind of reference checked.
    let target: LintPodReference.Target

    /// The facts the check reads: workloads and the objects of the referenced kind.
    static func roles(_ target: LintPodReference.Target) -> Set<LintFactRole> {
        switch target {
        case .secret: [.workload, .secret]
        case .configMap: [.workload, .configMap]
        }
    }

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        guard case .workload(let pod) = facts.detail, !pod.references.isEmpty,
              set.hasObjects(group: "", kind: target.kind, in: facts.namespace)
        else { return }
        for reference in pod.references where reference.target == target
            && !set.contains(group: "", kind: target.kind, in: facts.namespace, named: reference.name.name) {
            findings.append(LintFinding(
                "\(reference.origin.text) refers to \(target.kind) \"\(reference.name.name)\", which is not in the input for namespace \"\(facts.namespace)\"",
                at: reference.name.range))
        }
    }
}
