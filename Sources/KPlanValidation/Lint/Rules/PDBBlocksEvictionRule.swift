import KPlanCore

/// Reports PodDisruptionBudgets that allow no voluntary disruption.
struct PDBBlocksEvictionRule: LintRule {
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

    func check(_ resource: Resource, in context: LintContext, into findings: inout [LintFinding]) {
        guard resource.gvk.group == "policy", resource.gvk.kind == "PodDisruptionBudget",
              let spec = resource.node["spec"]
        else { return }
        if let max = spec["maxUnavailable"], max.int == 0 || max.string == "0" || max.string == "0%" {
            findings.append(LintFinding("maxUnavailable 0 allows no pod to be evicted", at: max))
        }
        guard let min = spec["minAvailable"] else { return }
        if min.string == "100%" {
            findings.append(LintFinding("minAvailable 100% allows no pod to be evicted", at: min))
            return
        }
        guard let wanted = min.int, let selector = LintLabelSelector(labelSelector: spec["selector"]),
              !selector.isEmpty
        else { return }
        let selected = context.workloads(in: context.namespace(of: resource), matching: selector)
        let replicas = selected.map(lintReplicas)
        guard !replicas.isEmpty, replicas.allSatisfy({ $0 != nil }) else { return }
        let total = replicas.reduce(Int64(0)) { sum, count in
            let (result, overflow) = sum.addingReportingOverflow(count ?? 0)
            return overflow ? .max : result
        }
        guard wanted >= total else { return }
        let notes = selected.map { workload in
            Diagnostic.Note("selects \(workload.resource.displayName) (\(lintReplicas(workload) ?? 0) replicas)",
                            at: workload.resource.location(of: lintNameAnchor(workload.resource)))
        }
        findings.append(LintFinding(
            "minAvailable \(wanted) is at least the \(total) replicas selected, so no pod can be evicted", at: min,
            notes: notes))
    }
}
