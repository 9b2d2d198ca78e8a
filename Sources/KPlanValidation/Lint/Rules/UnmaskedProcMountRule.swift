import KPlanCore

/// Reports containers with an unmasked `/proc`.
struct UnmaskedProcMountRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "unmasked-proc-mount", severity: .warning,
        summary: "Reports containers with `securityContext.procMount: Unmasked`, which exposes the host's kernel interfaces under `/proc` that the runtime normally hides.",
        remediation: "Remove `procMount: Unmasked` (the default is `Default`).",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  securityContext: {procMount: ↓Unmasked}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: "nginx:1.27", securityContext: {procMount: Default}}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for container in pod.containers {
            guard let value = container.securityContext?["procMount"], value.string == "Unmasked" else { continue }
            findings.append(LintFinding("\(container.label) mounts /proc unmasked", at: value))
        }
    }
}
