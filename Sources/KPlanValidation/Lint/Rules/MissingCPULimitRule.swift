import KPlanCore

/// Reports containers without a cpu limit.
struct MissingCPULimitRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "missing-cpu-limit", severity: .info, enabledByDefault: false,
        summary: "Reports containers without a CPU limit. Off by default: CPU limits cause throttling, and many teams deliberately rely on requests alone.",
        remediation: "Set `resources.limits.cpu` where a container must not use more than its share.",
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
        LintResourceRequirement(section: "limits", resourceName: "cpu").check(subject.pod, into: &findings)
    }
}
