import KPlanCore

/// Reports container ports bound to the host.
struct HostPortRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "host-port", severity: .warning,
        summary: "Reports container ports with a `hostPort`, which binds the port on the node: at most one such pod fits per node, and the port bypasses Services and NetworkPolicies.",
        remediation: "Remove `hostPort` and expose the port through a Service.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports:
                    - {containerPort: 80, hostPort: ↓8080}
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
                  ports:
                    - {containerPort: 80, hostPort: 0}
                    - containerPort: 443
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for container in pod.containers {
            for port in container.node["ports"]?.items ?? [] {
                guard let hostPort = port["hostPort"], let number = hostPort.int, number != 0 else { continue }
                findings.append(LintFinding("\(container.label) binds host port \(number)", at: hostPort))
            }
        }
    }
}
