import KPlanCore

/// Reports pods with `hostNetwork: true`.
struct HostNetworkRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "host-network", severity: .warning,
        summary: "Reports pods with `hostNetwork: true`, which puts them in the host's network namespace: it sees every interface of the node and can bind its ports, bypassing NetworkPolicies.",
        remediation: "Remove `hostNetwork: true` unless the pod is a node-level agent that truly needs it.",
        triggeringExamples: [
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template:
                spec:
                  hostNetwork: ↓true
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
              hostNetwork: false
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
        guard let pod = subject.pod, let value = pod.spec["hostNetwork"], value.bool == true else { return }
        findings.append(LintFinding("the pod uses the host's network (hostNetwork: true)", at: value))
    }
}
