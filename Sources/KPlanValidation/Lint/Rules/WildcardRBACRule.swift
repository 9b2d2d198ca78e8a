import KPlanCore

/// Reports RBAC rules granting `*` verbs or resources.
struct WildcardRBACRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "wildcard-rbac", severity: .warning,
        summary: "Reports Role and ClusterRole rules with `*` in `verbs` or `resources`, which grant every present and future permission of that kind.",
        remediation: "List the verbs and resources the subject actually needs.",
        triggeringExamples: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: admin-ish}
            rules:
              - apiGroups: [""]
                resources: [↓"*"]
                verbs: [get, list]
              - apiGroups: [apps]
                resources: [deployments]
                verbs: [↓"*"]
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: reader}
            rules:
              - apiGroups: ["*"]
                resources: [pods, pods/log]
                verbs: [get, list, watch]
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        for rule in lintPolicyRules(resource) ?? [] {
            for field in ["resources", "verbs"] {
                for item in rule[field]?.items ?? [] where item.string == "*" {
                    findings.append(LintFinding("\(resource.displayName) grants all \(field) (\"*\")", at: item))
                }
            }
        }
    }
}
