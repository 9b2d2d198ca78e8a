import KPlanCore

/// Reports RBAC rules that let a subject read Secrets.
struct RBACSecretAccessRule: LintObjectRule {
    /// Verbs that reveal a Secret's content.
    static let readVerbs: Set<String> = ["*", "get", "list", "watch"]

    static let description = LintRuleDescription(
        id: "rbac-secret-access", severity: .warning,
        summary: "Reports Role and ClusterRole rules in the core API group that allow `get`, `list` or `watch` on `secrets` (`list` and `watch` reveal every Secret's content), without restricting `resourceNames`.",
        remediation: "Restrict the rule with `resourceNames`, or read the secret through a mounted volume instead.",
        triggeringExamples: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: reader}
            rules:
              - apiGroups: [""]
                resources: [configmaps, ↓secrets]
                verbs: [get, list]
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: reader}
            rules:
              - apiGroups: [""]
                resources: [secrets]
                resourceNames: [web-tls]
                verbs: [get]
              - apiGroups: [""]
                resources: [secrets]
                verbs: [create]
              - apiGroups: [example.com]
                resources: [secrets]
                verbs: [get]
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        for rule in lintPolicyRules(resource) ?? [] {
            let groups = (rule["apiGroups"]?.items ?? []).compactMap(\.string)
            let verbs = (rule["verbs"]?.items ?? []).compactMap(\.string)
            let names = rule["resourceNames"]?.items ?? []
            guard groups.contains(where: { $0.isEmpty || $0 == "*" }), names.isEmpty,
                  verbs.contains(where: Self.readVerbs.contains)
            else { continue }
            for item in rule["resources"]?.items ?? [] where item.string == "secrets" {
                findings.append(LintFinding("\(resource.displayName) can read every Secret in its scope", at: item))
            }
        }
    }
}
