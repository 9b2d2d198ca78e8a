import KPlanCore

/// Reports pods setting sysctls outside Kubernetes' safe set.
struct UnsafeSysctlsRule: LintObjectRule {
    /// The sysctls Kubernetes considers namespaced and safe.
    static let safe: Set<String> = [
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
        "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
        "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
        "net.ipv4.tcp_keepalive_probes",
    ]

    static let description = LintRuleDescription(
        id: "unsafe-sysctls", severity: .warning,
        summary: "Reports pods setting a sysctl outside Kubernetes' safe set (`kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.tcp_syncookies`, …) in `securityContext.sysctls`: such sysctls can affect other pods on the node, and kubelets reject them unless explicitly allowed.",
        remediation: "Remove the sysctl, or run the workload on dedicated nodes whose kubelets allow it.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext:
                sysctls:
                  - {name: net.ipv4.tcp_syncookies, value: "1"}
                  - name: ↓kernel.msgmax
                    value: "65536"
              containers:
                - {name: web, image: "nginx:1.27"}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext:
                sysctls:
                  - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
                  - {name: net/ipv4/tcp_syncookies, value: "1"}
              containers:
                - {name: web, image: "nginx:1.27"}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for sysctl in pod.podSecurityContext?["sysctls"]?.items ?? [] {
            guard let name = sysctl["name"], let text = name.string else { continue }
            let dotted = text.split(separator: "/", omittingEmptySubsequences: false).joined(separator: ".")
            guard !Self.safe.contains(dotted) else { continue }
            findings.append(LintFinding("the pod sets the unsafe sysctl \(text)", at: name))
        }
    }
}
