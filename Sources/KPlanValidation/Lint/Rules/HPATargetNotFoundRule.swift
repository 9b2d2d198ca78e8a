import KPlanCore

/// Reports HorizontalPodAutoscalers whose target is missing from the input.
struct HPATargetNotFoundRule: LintSetRule {
    static let description = LintRuleDescription(
        id: "hpa-target-not-found", severity: .warning,
        summary: "Reports HorizontalPodAutoscalers whose `scaleTargetRef` names a Deployment, StatefulSet, ReplicaSet or ReplicationController not defined in the input. Only checked when the input defines at least one workload in the autoscaler's namespace; other target kinds are not checked.",
        remediation: "Fix `scaleTargetRef` (apiVersion, kind and name) to name the workload to scale.",
        triggeringExamples: [
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ↓web-app}
              minReplicas: 2
              maxReplicas: 10
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 10
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: rollout}
            spec:
              scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}
              maxReplicas: 10
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: remote, namespace: other}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: remote}
              maxReplicas: 10
            """,
        ])

    static let roles: Set<LintFactRole> = [.autoscaler, .workload]

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        guard case .autoscaler(let target) = facts.detail, let group = target.checkedGroup,
              set.hasWorkloads(in: facts.namespace),
              !set.contains(group: group, kind: target.kind, in: facts.namespace, named: target.name)
        else { return }
        findings.append(LintFinding(
            "scaleTargetRef names \(target.kind) \"\(target.name)\", which is not in the input for namespace \"\(facts.namespace)\"",
            at: target.nameRange))
    }
}
