import KPlanCore

/// Reports containers that do not forbid privilege escalation.
struct PrivilegeEscalationRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "privilege-escalation", severity: .warning,
        summary: "Reports containers whose `securityContext.allowPrivilegeEscalation` is not `false`: a process can then gain more privileges than its parent, through setuid binaries for example.",
        remediation: "Set `securityContext.allowPrivilegeEscalation: false` on every container.",
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
                  securityContext: {allowPrivilegeEscalation: ↓true}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: "nginx:1.27", securityContext: {allowPrivilegeEscalation: false}}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        LintSecurityFlag(field: "allowPrivilegeEscalation", wanted: false, reportMissing: true,
                         problem: "allows privilege escalation").check(subject.pod, into: &findings)
    }
}
