import KPlanCore

/// Reports NetworkPolicies whose pod selector matches no workload.
struct NetworkPolicySelectsNothingRule: LintSetRule {
    static let description = LintRuleDescription(
        id: "network-policy-selects-nothing", severity: .warning,
        summary: "Reports NetworkPolicies whose non-empty `spec.podSelector` matches the pod labels of no workload in the input, so the policy isolates nothing. Only checked when the input defines at least one workload in the policy's namespace.",
        remediation: "Make the pod selector match the labels of the pods to isolate.",
        triggeringExamples: [
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web}
            spec:
              podSelector: ↓{matchLabels: {app: webb}}
              policyTypes: [Ingress]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {app: web}
            spec:
              containers:
                - {name: web, image: "web:1.0"}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web}
            spec:
              podSelector: {matchLabels: {app: web}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {app: web}
            spec:
              containers:
                - {name: web, image: "web:1.0"}
            """,
        ])

    static let roles: Set<LintFactRole> = [.networkPolicy, .workload]

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        guard case .networkPolicy(let selector, let range) = facts.detail,
              set.hasWorkloads(in: facts.namespace),
              !set.hasWorkloads(in: facts.namespace, matching: selector)
        else { return }
        findings.append(LintFinding(
            "the pod selector matches no workload's pods in namespace \"\(facts.namespace)\"", at: range))
    }
}
