import KPlanCore

/// Reports pods that mount an API token without opting out.
struct AutomountServiceAccountTokenRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "automount-service-account-token", severity: .warning, enabledByDefault: false,
        summary: "Reports pods whose `automountServiceAccountToken` is not `false`, so every container gets a Kubernetes API token it may not need. Off by default: the setting may also live on the ServiceAccount.",
        remediation: "Set `automountServiceAccountToken: false` on pods that do not call the Kubernetes API.",
        triggeringExamples: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                ↓spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: tool}
            spec:
              automountServiceAccountToken: ↓true
              containers:
                - {name: tool, image: "tool:1.0"}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              automountServiceAccountToken: false
              containers:
                - {name: web, image: "web:1.0"}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        guard let pod = subject.pod else { return }
        if let value = pod.spec["automountServiceAccountToken"], !value.isNull {
            if value.bool != false {
                findings.append(LintFinding("the pod mounts a service account token", at: value))
            }
            return
        }
        let anchor = lintPodSpecKey(of: resource) ?? pod.spec
        findings.append(LintFinding(
            "the pod mounts a service account token (automountServiceAccountToken is not false)", at: anchor))
    }
}
