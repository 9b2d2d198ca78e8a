import KPlanCore

/// Reports privileged containers.
struct PrivilegedContainerRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "privileged-container", severity: .warning,
        summary: "Reports containers with `securityContext.privileged: true`, which gives them every capability and access to the host's devices: a compromise of the container is a compromise of the node.",
        remediation: "Remove `privileged: true`; add only the specific capabilities the container needs.",
        triggeringExamples: [
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template:
                spec:
                  containers:
                    - name: agent
                      image: agent:1.0
                      securityContext:
                        privileged: ↓true
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: "nginx:1.27", securityContext: {privileged: false}}
                - {name: plain, image: "nginx:1.27"}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        LintSecurityFlag(field: "privileged", wanted: false, reportMissing: false, problem: "is privileged")
            .check(subject.pod, into: &findings)
    }
}
