import KPlanCore

/// RoleBinding and ClusterRoleBinding references, as `ValidateRoleBinding`, `ValidateClusterRoleBinding`
/// and `ValidateRoleBindingSubject` check them.
enum RBACBindingCheck {
    /// The RBAC API group.
    static let group = "rbac.authorization.k8s.io"

    /// Checks a RoleBinding's or ClusterRoleBinding's `roleRef` and `subjects`.
    static func check(_ resource: Resource, into report: inout SemanticReport) {
        guard resource.gvk.group == group else { return }
        let clusterScoped: Bool
        switch resource.gvk.kind {
        case "RoleBinding": clusterScoped = false
        case "ClusterRoleBinding": clusterScoped = true
        default: return
        }
        if let roleRef = resource.node["roleRef"] {
            checkRoleRef(roleRef, clusterScoped: clusterScoped, into: &report)
        }
        for (index, subject) in (resource.node["subjects"]?.items ?? []).enumerated() where subject.entries != nil {
            checkSubject(subject, path: "subjects[\(index)]", clusterScoped: clusterScoped, into: &report)
        }
    }

    private static func checkRoleRef(_ roleRef: Node, clusterScoped: Bool, into report: inout SemanticReport) {
        if let kindNode = roleRef["kind"], let kind = kindNode.string {
            let supported = clusterScoped ? ["ClusterRole"] : ["Role", "ClusterRole"]
            if !supported.contains(kind) {
                let reason = clusterScoped && kind == "Role" ? " (a ClusterRoleBinding cannot refer to a namespaced Role)" : ""
                report.add(
                    .error, "semantic.invalid-role-ref",
                    FieldError.notSupported("roleRef.kind", kind, supported: supported) + reason, at: kindNode)
            }
        }
        if let groupNode = roleRef["apiGroup"], let apiGroup = groupNode.string, apiGroup != group {
            report.add(
                .error, "semantic.invalid-role-ref",
                FieldError.notSupported("roleRef.apiGroup", apiGroup, supported: [group]), at: groupNode)
        }
    }

    private static func checkSubject(
        _ subject: Node, path: String, clusterScoped: Bool, into report: inout SemanticReport
    ) {
        let name = subject["name"]?.string ?? ""
        if name.isEmpty {
            report.add(.error, "semantic.invalid-subject", FieldError.required("\(path).name"), at: subject)
        }
        guard let kindNode = subject["kind"], let kind = kindNode.string else { return }
        let apiGroupNode = subject["apiGroup"]
        let apiGroup = apiGroupNode?.string ?? ""
        switch kind {
        case "ServiceAccount":
            if let nameNode = subject["name"], !name.isEmpty {
                let errors = NameSyntax.dns1123Subdomain(name)
                if !errors.isEmpty {
                    report.add(
                        .error, "semantic.invalid-subject",
                        FieldError.invalid("\(path).name", name, errors.joined(separator: "; ")), at: nameNode)
                }
            }
            if let apiGroupNode, !apiGroup.isEmpty {
                report.add(
                    .error, "semantic.invalid-subject",
                    FieldError.notSupported("\(path).apiGroup", apiGroup, supported: [""]), at: apiGroupNode)
            }
            if clusterScoped && (subject["namespace"]?.string ?? "").isEmpty {
                report.add(
                    .error, "semantic.invalid-subject",
                    FieldError.required("\(path).namespace", "a ClusterRoleBinding must name the ServiceAccount's namespace"),
                    at: subject.entry("namespace")?.key ?? subject)
            }
        case "User", "Group":
            if let apiGroupNode, apiGroup != group {
                report.add(
                    .error, "semantic.invalid-subject",
                    FieldError.notSupported("\(path).apiGroup", apiGroup, supported: [group]), at: apiGroupNode)
            }
        default:
            report.add(
                .error, "semantic.invalid-subject",
                FieldError.notSupported("\(path).kind", kind, supported: ["ServiceAccount", "User", "Group"]), at: kindNode)
        }
    }
}
