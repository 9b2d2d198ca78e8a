import KPlanCore

/// Reports long-running containers without a readiness probe.
struct MissingReadinessProbeRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "missing-readiness-probe", severity: .warning,
        summary: "Reports long-running containers without a readiness probe: Services send traffic to a pod as soon as it starts, before it can serve. Jobs, CronJobs, bare Pods that do not restart, init and ephemeral containers are not checked.",
        remediation: "Add a `readinessProbe` that succeeds only once the container can serve requests.",
        triggeringExamples: [
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              template:
                spec:
                  initContainers:
                    - {name: setup, image: "busybox:1.36"}
                  containers:
                    - ↓name: db
                      image: postgres:16
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
                      readinessProbe:
                        httpGet: {path: /healthz, port: 8080}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - {name: migrate, image: "migrate:1.0"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: once}
            spec:
              restartPolicy: OnFailure
              containers:
                - {name: once, image: "tool:1.0"}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod, pod.isLongRunning else { return }
        for container in pod.containers where container.role == .container {
            if let probe = container.node["readinessProbe"], !probe.isNull { continue }
            findings.append(LintFinding("\(container.label) has no readiness probe", at: container.anchor))
        }
    }
}
