import KPlanCore

/// Reports pods with `hostPID: true`.
struct HostPIDRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "host-pid", severity: .warning,
        summary: "Reports pods with `hostPID: true`, which puts them in the host's process namespace: it sees and can signal every process on the node.",
        remediation: "Remove `hostPID: true` unless the pod is a node-level agent that truly needs it.",
        triggeringExamples: [
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template:
                spec:
                  hostPID: ↓true
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
              hostPID: false
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
        guard let pod = subject.pod, let value = pod.spec["hostPID"], value.bool == true else { return }
        findings.append(LintFinding("the pod shares the host's process namespace (hostPID: true)", at: value))
    }
}
