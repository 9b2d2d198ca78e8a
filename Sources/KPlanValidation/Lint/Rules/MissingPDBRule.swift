import KPlanCore

/// Reports replicated workloads that no PodDisruptionBudget protects.
struct MissingPDBRule: LintRule {
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

    func check(_ resource: Resource, in context: LintContext, into findings: inout [LintFinding]) {
        guard let pod = LintPodTemplate(resource), pod.kind == .deployment || pod.kind == .statefulSet,
              let replicas = lintReplicas(pod), replicas > 1
        else { return }
        guard !context.isBudgeted(pod) else { return }
        findings.append(LintFinding(
            "\(replicas) replicas but no PodDisruptionBudget selects the pods",
            at: resource.node[path: "spec", "replicas"] ?? lintNameAnchor(resource)))
    }
}
