import KPlanCore

/// What every rule may know without looking at other objects: namespace defaulting, the scope of
/// kinds, the target Kubernetes version and its built-in schemas.
///
/// Built once per run and shared; per-object rules see only this, so the engine can lint each
/// resource while its tree is in memory and drop the tree afterwards.
public struct LintObjectContext: Sendable {
    /// The namespace of namespaced objects that do not name one.
    public let defaultNamespace: String
    /// The Kubernetes version the manifests target, when configured.
    public let kubernetesVersion: LintKubernetesVersion?
    /// The built-in schemas of the target version (the newest embedded one when none is configured);
    /// nil for a version kplan has no schemas for.
    public let builtinSchemas: SchemaRegistry?
    private let scope: @Sendable (GroupVersionKind) -> ResourceScope?

    /// Creates a context.
    /// - Parameters:
    ///   - defaultNamespace: the namespace of namespaced objects without `metadata.namespace`.
    ///   - kubernetesVersion: the target version for version-dependent rules; nil means the newest.
    ///   - scope: the scope of a kind when known from schemas or CRDs; nil falls back to a built-in
    ///     list of cluster-scoped kinds, treating anything else as namespaced.
    public init(
        defaultNamespace: String = "default", kubernetesVersion: LintKubernetesVersion? = nil,
        scope: @escaping @Sendable (GroupVersionKind) -> ResourceScope? = { _ in nil }
    ) {
        self.defaultNamespace = defaultNamespace
        self.kubernetesVersion = kubernetesVersion
        self.builtinSchemas = try? SchemaRegistry.builtin(version: kubernetesVersion?.description ?? SchemaRegistry.defaultVersion)
        self.scope = scope
    }

    /// The namespace `resource` lives in: its own, the default one, or `""` when cluster-scoped.
    public func namespace(of resource: Resource) -> String {
        guard isNamespaced(resource.gvk) else { return "" }
        if let namespace = resource.namespace, !namespace.isEmpty { return namespace }
        return defaultNamespace
    }

    /// Whether objects of `gvk` live in a namespace: the scope given to the context, else the built-in
    /// kind's scope from the target version's schemas; a kind neither knows is taken as namespaced.
    public func isNamespaced(_ gvk: GroupVersionKind) -> Bool {
        switch scope(gvk) ?? builtinSchemas?.scope(for: gvk) {
        case .namespaced?, nil: true
        case .cluster?: false
        }
    }
}
