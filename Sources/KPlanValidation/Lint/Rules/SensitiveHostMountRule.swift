import KPlanCore

/// Reports `hostPath` volumes of sensitive host directories and sockets.
struct SensitiveHostMountRule: LintObjectRule {
    /// Host paths that give control of the node, its runtime or its credentials.
    static let sensitivePaths: [String] = [
        "/", "/boot", "/dev", "/etc", "/proc", "/root", "/run", "/sys", "/var/lib/docker", "/var/lib/kubelet",
        "/var/run", "/var/run/docker.sock", "/run/containerd", "/var/run/containerd", "/var/run/crio",
        "/run/crio",
    ]

    static let description = LintRuleDescription(
        id: "sensitive-host-mount", severity: .warning,
        summary: "Reports `hostPath` volumes of sensitive host locations (`/`, `/etc`, `/proc`, `/sys`, `/dev`, `/root`, `/var/lib/kubelet`, the container runtime's socket such as `/var/run/docker.sock`, …) or anything inside them, which give the container control of the node.",
        remediation: "Do not mount host system directories or runtime sockets; use a narrower path or an API instead.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: builder}
            spec:
              containers:
                - {name: builder, image: "docker:27"}
              volumes:
                - name: docker
                  hostPath: {path: ↓/var/run/docker.sock}
                - name: config
                  hostPath:
                    path: ↓/etc/kubernetes/
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: "nginx:1.27"}
              volumes:
                - name: logs
                  hostPath: {path: /var/log/web}
                - name: etcetera
                  hostPath: {path: /etcetera}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for volume in pod.spec["volumes"]?.items ?? [] {
            guard let pathNode = volume["hostPath"]?["path"], let path = pathNode.string else { continue }
            var normalized = path
            while normalized.count > 1, normalized.hasSuffix("/") { normalized.removeLast() }
            let isSensitive = Self.sensitivePaths.contains { sensitive in
                normalized == sensitive || (sensitive != "/" && normalized.hasPrefix(sensitive + "/"))
            }
            guard isSensitive else { continue }
            let name = volume["name"]?.scalar?.text ?? ""
            findings.append(LintFinding("volume \"\(name)\" mounts the sensitive host path \"\(path)\"", at: pathNode))
        }
    }
}
