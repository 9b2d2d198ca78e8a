import KPlanCore

/// Reports objects without Kubernetes' recommended `app.kubernetes.io/name` label.
struct MissingRecommendedLabelsRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "missing-recommended-labels", severity: .info, enabledByDefault: false,
        summary: "Reports objects without the recommended `app.kubernetes.io/name` label, which tools use to group an application's objects. Off by default.",
        remediation: "Add the recommended labels (`app.kubernetes.io/name`, `app.kubernetes.io/instance`, …) to `metadata.labels`.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: ↓web
              labels: {app: web}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              labels: {app.kubernetes.io/name: web}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        guard resource.node["metadata"]?["labels"]?["app.kubernetes.io/name"] == nil else { return }
        findings.append(LintFinding("\(resource.displayName) has no app.kubernetes.io/name label",
                                    at: lintNameAnchor(resource)))
    }
}
