import KPlanCore

/// The `rules` of a Role or ClusterRole, or nil for other objects.
func lintPolicyRules(_ resource: Resource) -> [Node]? {
    // The kind's length first: comparing strings is a call even when their lengths differ.
    let kind = resource.gvk.kind
    guard kind.utf8.count == 4 ? kind == "Role" : kind.utf8.count == 11 && kind == "ClusterRole",
          resource.gvk.group == "rbac.authorization.k8s.io"
    else { return nil }
    return (resource.node["rules"]?.items ?? []).filter { $0.entries != nil }
}
