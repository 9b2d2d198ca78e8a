import KPlanCore

/// Reports containers without a memory limit.
struct MissingMemoryLimitRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "missing-memory-limit", severity: .warning,
        summary: "Reports containers without a memory limit: a leak in one container can exhaust the node's memory and get other pods killed.",
        remediation: "Set `resources.limits.memory`, usually equal to the memory request.",
        triggeringExamples: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  initContainers:
                    - ↓name: setup
                      image: busybox:1.36
                  containers:
                    - name: web
                      image: nginx:1.27
                      resources:
                        ↓limits: {}
                        requests: {cpu: 100m, memory: 128Mi}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests: {cpu: 100m, memory: 128Mi}
                    limits: {cpu: 500m, memory: 128Mi}
              ephemeralContainers:
                - {name: debug, image: "busybox:1.36"}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        LintResourceRequirement(section: "limits", resourceName: "memory").check(subject.pod, into: &findings)
    }
}
