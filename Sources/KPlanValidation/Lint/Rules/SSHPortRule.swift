import KPlanCore

/// Reports containers exposing the SSH port.
struct SSHPortRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "ssh-port", severity: .warning,
        summary: "Reports containers declaring port 22, which suggests an SSH server inside the container: a remote way in that bypasses Kubernetes' access control and audit.",
        remediation: "Remove the SSH server; use `kubectl exec` or ephemeral debug containers instead.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: box}
            spec:
              containers:
                - name: box
                  image: box:1.0
                  ports:
                    - containerPort: ↓22
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
                    - containerPort: 2222
                      name: http
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for container in pod.containers {
            for port in container.node["ports"]?.items ?? [] {
                guard let number = port["containerPort"], number.int == 22 else { continue }
                findings.append(LintFinding("\(container.label) exposes the SSH port 22", at: number))
            }
        }
    }
}
