import KPlanCore

/// Reports containers whose root filesystem is writable.
struct WritableRootFilesystemRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "writable-root-filesystem", severity: .warning,
        summary: "Reports containers whose `securityContext.readOnlyRootFilesystem` is not `true`: an attacker can then modify the container's binaries and configuration.",
        remediation: "Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the container must write.",
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
                    readOnlyRootFilesystem: ↓false
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: "nginx:1.27", securityContext: {readOnlyRootFilesystem: true}}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        LintSecurityFlag(field: "readOnlyRootFilesystem", wanted: true, reportMissing: true,
                         problem: "has a writable root filesystem").check(subject.pod, into: &findings)
    }
}
