import KPlanCore

/// Reports PodDisruptionBudgets that allow no voluntary disruption.
struct PDBBlocksEvictionRule: LintObjectRule, LintSetRule {
    static let description = LintRuleDescription(
        id: "pdb-blocks-eviction", severity: .warning,
        summary: "Reports PodDisruptionBudgets that allow no pod to be evicted: `maxUnavailable: 0`, `minAvailable: 100%`, or a `minAvailable` at least the total replicas of the workloads it selects in the input. Node drains and cluster upgrades then hang.",
        remediation: "Allow at least one disruption: lower `minAvailable` below the replica count or set `maxUnavailable` to 1 or more.",
        triggeringExamples: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: ↓3
              selector:
                matchLabels: {app: web}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 3
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: db}
            spec:
              maxUnavailable: ↓0
              selector:
                matchLabels: {app: db}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: cache}
            spec:
              minAvailable: ↓"100%"
              selector:
                matchLabels: {app: cache}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: 2
              selector:
                matchLabels: {app: web}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 3
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: external}
            spec:
              minAvailable: 5
              selector:
                matchLabels: {app: external}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: ratio}
            spec:
              maxUnavailable: 25%
              selector:
                matchLabels: {app: web}
            """,
        ])

    static let roles: Set<LintFactRole> = [.budget, .workload]

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        guard resource.gvk.group == "policy", resource.gvk.kind == "PodDisruptionBudget",
              let spec = resource.node["spec"]
        else { return }
        if let max = spec["maxUnavailable"], max.int == 0 || max.string == "0" || max.string == "0%" {
            findings.append(LintFinding("maxUnavailable 0 allows no pod to be evicted", at: max))
        }
        if let min = spec["minAvailable"], min.string == "100%" {
            findings.append(LintFinding("minAvailable 100% allows no pod to be evicted", at: min))
        }
    }

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        guard case .budget(let budget) = facts.detail, let min = budget.minAvailable,
              let selector = budget.selector, !selector.isEmpty
        else { return }
        let selected = set.workloads(in: facts.namespace, matching: selector)
        guard !selected.isEmpty, selected.allSatisfy({ $0.pod.replicas != nil }) else { return }
        let total = selected.reduce(Int64(0)) { sum, workload in
            let (result, overflow) = sum.addingReportingOverflow(workload.pod.replicas ?? 0)
            return overflow ? .max : result
        }
        guard min.value >= total else { return }
        let notes = selected.map { workload in
            Diagnostic.Note("selects \(workload.object.displayName) (\(workload.pod.replicas ?? 0) replicas)",
                            at: workload.object.location(workload.object.nameAnchor))
        }
        findings.append(LintFinding(
            "minAvailable \(min.value) is at least the \(total) replicas selected, so no pod can be evicted",
            at: min.range, notes: notes))
    }
}
