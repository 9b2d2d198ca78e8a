import KPlanCore

/// Reports Deployments running a single replica.
struct SingleReplicaRule: LintSetRule {
    static let description = LintRuleDescription(
        id: "single-replica", severity: .info, enabledByDefault: false,
        summary: "Reports Deployments and StatefulSets with one replica (explicitly or by default) that no HorizontalPodAutoscaler in the input scales: every restart or node drain is an outage. Off by default.",
        remediation: "Run at least two replicas, or scale the workload with a HorizontalPodAutoscaler.",
        triggeringExamples: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ↓web}
            spec:
              template:
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: ↓1
              template:
                spec:
                  containers:
                    - {name: db, image: "db:1.0"}
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
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: scaled}
            spec:
              template:
                spec:
                  containers:
                    - {name: scaled, image: "scaled:1.0"}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: scaled}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: scaled}
              maxReplicas: 5
            """,
        ])

    static let roles: Set<LintFactRole> = [.workload, .autoscaler]

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        guard case .workload(let pod) = facts.detail, pod.kind == .deployment || pod.kind == .statefulSet,
              pod.replicas == 1, !set.isAutoscaled(facts)
        else { return }
        findings.append(LintFinding("\(facts.displayName) runs a single replica", at: pod.replicasAnchor))
    }
}
