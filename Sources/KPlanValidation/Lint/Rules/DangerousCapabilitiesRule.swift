import KPlanCore

/// Reports containers adding powerful Linux capabilities.
struct DangerousCapabilitiesRule: LintObjectRule {
    /// Capabilities that amount to, or easily lead to, control of the node or its network.
    static let dangerous: Set<String> = [
        "ALL", "BPF", "DAC_READ_SEARCH", "NET_ADMIN", "NET_RAW", "PERFMON", "SYS_ADMIN", "SYS_BOOT", "SYS_MODULE",
        "SYS_PTRACE", "SYS_RAWIO", "SYS_TIME",
    ]

    static let description = LintRuleDescription(
        id: "dangerous-capabilities", severity: .warning,
        summary: "Reports containers that add a powerful Linux capability (`SYS_ADMIN`, `NET_ADMIN`, `NET_RAW`, `SYS_PTRACE`, `SYS_MODULE`, `ALL`, …) in `securityContext.capabilities.add`.",
        remediation: "Remove the capability, or isolate the workload that needs it and document why.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  securityContext:
                    capabilities:
                      add: [NET_BIND_SERVICE, ↓SYS_ADMIN, ↓CAP_NET_RAW]
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
                  securityContext:
                    capabilities: {add: [NET_BIND_SERVICE, CHOWN], drop: [ALL]}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for container in pod.containers {
            for item in container.securityContext?["capabilities"]?["add"]?.items ?? [] {
                guard let text = item.string else { continue }
                var name = text.uppercased()
                if name.hasPrefix("CAP_") { name.removeFirst(4) }
                guard Self.dangerous.contains(name) else { continue }
                findings.append(LintFinding("\(container.label) adds the capability \(text)", at: item))
            }
        }
    }
}
