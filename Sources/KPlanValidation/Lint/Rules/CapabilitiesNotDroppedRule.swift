import KPlanCore

/// Reports containers that keep the default Linux capabilities.
struct CapabilitiesNotDroppedRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "capabilities-not-dropped", severity: .warning,
        summary: "Reports containers whose `securityContext.capabilities.drop` does not include `ALL`, so they keep the runtime's default capabilities (such as `NET_RAW` and `CHOWN`) whether they need them or not.",
        remediation: "Set `securityContext.capabilities.drop: [ALL]` and add back only what the container needs.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - ↓name: web
                  image: nginx:1.27
                - name: tool
                  image: tool:1.0
                  securityContext:
                    capabilities:
                      drop: ↓[NET_RAW]
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
                    capabilities: {drop: [all], add: [NET_BIND_SERVICE]}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for container in pod.containers {
            let drop = container.securityContext?["capabilities"]?["drop"]
            let dropped = (drop?.items ?? []).compactMap { $0.string?.uppercased() }
            if dropped.contains("ALL") { continue }
            if let drop, !drop.isNull {
                findings.append(LintFinding("\(container.label) does not drop ALL capabilities", at: drop))
            } else {
                findings.append(LintFinding("\(container.label) keeps the default capabilities (drop ALL is not set)",
                                            at: container.anchor))
            }
        }
    }
}
