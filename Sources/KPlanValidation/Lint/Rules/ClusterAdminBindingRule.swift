import KPlanCore

/// Reports bindings to the `cluster-admin` role.
struct ClusterAdminBindingRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "cluster-admin-binding", severity: .warning,
        summary: "Reports ClusterRoleBindings and RoleBindings granting the `cluster-admin` ClusterRole, which can do anything (in the whole cluster, or the binding's namespace).",
        remediation: "Bind a role with only the permissions the subjects need.",
        triggeringExamples: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: ci}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ↓cluster-admin}
            subjects:
              - {kind: ServiceAccount, name: ci, namespace: ci}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: ci}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects:
              - {kind: ServiceAccount, name: ci}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: local}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: cluster-admin}
            subjects:
              - {kind: ServiceAccount, name: ci}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        guard resource.gvk.group == "rbac.authorization.k8s.io",
              resource.gvk.kind == "ClusterRoleBinding" || resource.gvk.kind == "RoleBinding",
              let roleRef = resource.node["roleRef"], roleRef["kind"]?.string == "ClusterRole",
              let name = roleRef["name"], name.string == "cluster-admin"
        else { return }
        findings.append(LintFinding("\(resource.displayName) grants cluster-admin", at: name))
    }
}
