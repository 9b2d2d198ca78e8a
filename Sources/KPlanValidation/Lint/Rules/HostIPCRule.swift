import KPlanCore

/// Reports pods with `hostIPC: true`.
struct HostIPCRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "host-ipc", severity: .warning,
        summary: "Reports pods with `hostIPC: true`, which puts them in the host's IPC namespace: it can read and write the shared memory of every process on the node.",
        remediation: "Remove `hostIPC: true` unless the pod is a node-level agent that truly needs it.",
        triggeringExamples: [
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template:
                spec:
                  hostIPC: ↓true
                  containers:
                    - {name: agent, image: "agent:1.0"}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              hostIPC: false
              containers:
                - {name: web, image: "nginx:1.27"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: plain}
            spec:
              containers:
                - {name: web, image: "nginx:1.27"}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod, let value = pod.spec["hostIPC"], value.bool == true else { return }
        findings.append(LintFinding("the pod shares the host's IPC namespace (hostIPC: true)", at: value))
    }
}
