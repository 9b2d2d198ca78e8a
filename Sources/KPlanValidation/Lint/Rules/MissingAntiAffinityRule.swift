import KPlanCore

/// Reports replicated workloads that do not spread their pods.
struct MissingAntiAffinityRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "missing-anti-affinity", severity: .info,
        summary: "Reports Deployments and StatefulSets with more than one replica and neither `podAntiAffinity` nor `topologySpreadConstraints`, so the scheduler may put every replica on one node and lose them all with it.",
        remediation: "Add `topologySpreadConstraints` (or a preferred `podAntiAffinity`) on `kubernetes.io/hostname`.",
        triggeringExamples: [
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: ↓3
              template:
                spec:
                  affinity:
                    nodeAffinity: {}
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
                  topologySpreadConstraints:
                    - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway}
                  containers:
                    - {name: web, image: "web:1.0"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              replicas: 2
              template:
                spec:
                  affinity:
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution: []
                  containers:
                    - {name: api, image: "api:1.0"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: single}
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                    - {name: single, image: "single:1.0"}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        guard let pod = subject.pod, pod.kind == .deployment || pod.kind == .statefulSet,
              let replicas = lintReplicas(pod), replicas > 1
        else { return }
        let antiAffinity = pod.spec["affinity"]?["podAntiAffinity"]
        let spread = pod.spec["topologySpreadConstraints"]?.items ?? []
        guard antiAffinity == nil || antiAffinity?.isNull == true, spread.isEmpty else { return }
        findings.append(LintFinding(
            "\(replicas) replicas without podAntiAffinity or topologySpreadConstraints may all land on one node",
            at: resource.node["spec"]?["replicas"] ?? lintNameAnchor(resource)))
    }
}
