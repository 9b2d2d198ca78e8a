import KPlanCore

/// The checks the Kubernetes API server makes that JSON schemas cannot express: name and label syntax,
/// selectors against templates, unique names inside a pod, Service ports, Ingress hosts, paths and backends,
/// RBAC references, and duplicate objects in the input. Codes are `semantic.*`; findings are errors unless
/// the API server only warns.
public enum SemanticChecker {
    /// Checks one object; `scope` is its kind's scope, nil when unknown. Pure and cheap; the result is sorted.
    public static func check(_ resource: Resource, scope: ResourceScope?) -> [Diagnostic] {
        var report = SemanticReport(resource)
        ObjectNameCheck.check(resource, scope: scope, into: &report)
        if let metadata = resource.node["metadata"] {
            MetadataCheck.check(metadata, path: "metadata", into: &report)
        }
        NamespaceScopeCheck.check(resource, scope: scope, into: &report)
        DataKeyCheck.check(resource, into: &report)
        SelectorCheck.check(resource, into: &report)
        PodSpecCheck.check(resource, into: &report)
        ServiceCheck.check(resource, into: &report)
        RBACBindingCheck.check(resource, into: &report)
        IngressCheck.check(resource, into: &report)
        return report.diagnostics.sorted().naming(resource)
    }

    /// Finds objects defined more than once in `resources`, in input order. A namespaced (or unknown) kind
    /// without `metadata.namespace` is in `defaultNamespace`; a cluster-scoped kind's namespace is ignored.
    public static func duplicates(
        in resources: [Resource], defaultNamespace: String, scope: (GroupVersionKind) -> ResourceScope?
    ) -> [Diagnostic] {
        duplicates(among: resources.compactMap { ObjectIdentity($0, defaultNamespace: defaultNamespace, scope: scope($0.gvk)) })
    }

    /// Finds objects defined more than once among `identities`, in their order.
    public static func duplicates(among identities: [ObjectIdentity]) -> [Diagnostic] {
        DuplicateResourceCheck.check(identities)
    }
}
