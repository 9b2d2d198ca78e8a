import KPlanCore

/// The `rules` of a Role or ClusterRole, or nil for other objects.
func lintPolicyRules(_ resource: Resource) -> [Node]? {
    guard resource.gvk.group == "rbac.authorization.k8s.io",
          resource.gvk.kind == "Role" || resource.gvk.kind == "ClusterRole"
    else { return nil }
    return (resource.node["rules"]?.items ?? []).filter { $0.entries != nil }
}
