import KPlanCore

/// `metadata.namespace` on a kind that has no namespace.
enum NamespaceScopeCheck {
    /// Warns when a cluster-scoped object names a namespace: the API server clears it on create
    /// (`EnsureObjectNamespaceMatchesRequestNamespace`), so it is misleading rather than fatal.
    static func check(_ resource: Resource, scope: ResourceScope?, into report: inout SemanticReport) {
        guard scope == .cluster, let node = resource.node["metadata"]?["namespace"], let namespace = node.string,
            !namespace.isEmpty
        else { return }
        report.add(
            .warning, "semantic.namespace-on-cluster-scoped",
            "metadata.namespace: \(resource.gvk.kind) is cluster-scoped, so the API server ignores namespace "
                + "\(FieldError.quoted(namespace)) and stores the object without one",
            at: node)
    }
}
