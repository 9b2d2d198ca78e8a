import KPlanCore

/// Reports long-running containers without a liveness probe.
struct MissingLivenessProbeRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "missing-liveness-probe", severity: .warning,
        summary: "Reports long-running containers without a liveness probe: a container that hangs without exiting is never restarted. Jobs, CronJobs, bare Pods that do not restart, init and ephemeral containers are not checked.",
        remediation: "Add a `livenessProbe` that fails when the process can no longer make progress.",
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
                      livenessProbe:
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
            if let probe = container.node["livenessProbe"], !probe.isNull { continue }
            findings.append(LintFinding("\(container.label) has no liveness probe", at: container.anchor))
        }
    }
}
