import KPlanCore

/// Reports PodDisruptionBudgets that select no workload's pods.
struct PDBSelectorMatchesNothingRule: LintSetRule {
    static let description = LintRuleDescription(
        id: "pdb-selector-matches-nothing", severity: .warning,
        summary: "Reports PodDisruptionBudgets whose `spec.selector` matches the pod labels of no workload in the input, so they protect nothing. Only checked when the input defines at least one workload in the budget's namespace.",
        remediation: "Make the selector match the labels of the workload's pod template.",
        triggeringExamples: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: 1
              selector:
                ↓matchLabels: {app: wbe}
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
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              maxUnavailable: 1
              selector:
                matchExpressions:
                  - {key: app, operator: In, values: [web, api]}
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
            metadata: {name: db, namespace: data}
            spec:
              maxUnavailable: 1
              selector:
                matchLabels: {app: db}
            """,
        ])

    static let roles: Set<LintFactRole> = [.budget, .workload]

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        guard case .budget(let budget) = facts.detail, let anchor = budget.selectorAnchor,
              let selector = budget.selector, !selector.isEmpty,
              set.hasWorkloads(in: facts.namespace),
              !set.hasWorkloads(in: facts.namespace, matching: selector)
        else { return }
        findings.append(LintFinding(
            "the selector matches no workload's pods in namespace \"\(facts.namespace)\"", at: anchor))
    }
}
