import KPlanCore

/// Reports replicated workloads that no PodDisruptionBudget protects.
struct MissingPDBRule: LintSetRule {
    static let description = LintRuleDescription(
        id: "missing-pdb", severity: .info,
        summary: "Reports Deployments and StatefulSets with more than one replica whose pods no PodDisruptionBudget in the input selects, so a node drain may evict all of them at once.",
        remediation: "Add a PodDisruptionBudget selecting the workload's pods, for example with `maxUnavailable: 1`.",
        triggeringExamples: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: ↓3
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 3
              template:
                metadata:
                  labels: {app: web, tier: frontend}
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              maxUnavailable: 1
              selector:
                matchLabels: {app: web}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: single}
            spec:
              template:
                metadata:
                  labels: {app: single}
                spec:
                  containers:
                    - {name: single, image: "single:1.0"}
            """,
        ])

    static let roles: Set<LintFactRole> = [.workload, .budget]

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        guard case .workload(let pod) = facts.detail, pod.kind == .deployment || pod.kind == .statefulSet,
              let replicas = pod.replicas, replicas > 1, !set.isBudgeted(facts)
        else { return }
        findings.append(LintFinding(
            "\(replicas) replicas but no PodDisruptionBudget selects the pods", at: pod.replicasAnchor))
    }
}
