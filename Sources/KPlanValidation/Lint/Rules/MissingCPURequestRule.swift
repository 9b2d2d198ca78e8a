import KPlanCore

/// Reports containers without a cpu request.
struct MissingCPURequestRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "missing-cpu-request", severity: .warning,
        summary: "Reports containers without a CPU request: the scheduler then places the pod as if it needed no CPU, and it is first to be starved under contention.",
        remediation: "Set `resources.requests.cpu` to what the container typically uses.",
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
                        ↓requests: {}
                        limits: {cpu: 100m, memory: 128Mi}
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
        LintResourceRequirement(section: "requests", resourceName: "cpu").check(subject.pod, into: &findings)
    }
}
