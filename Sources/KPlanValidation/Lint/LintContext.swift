import KPlanCore

/// A whole input set as the rules see it: the ``LintObjectContext`` plus the facts of every object.
///
/// Used by ``LintEngine/run(on:defaultNamespace:)`` and ``LintEngine/lint(_:in:)``, which hold every
/// resource; a streaming caller uses ``LintEngine/lintObject(_:in:)``, ``LintEngine/facts(of:in:)`` and
/// ``LintEngine/lintSet(_:)`` instead. A namespaced object without `metadata.namespace` is taken to
/// live in ``defaultNamespace``.
public struct LintContext: Sendable {
    private struct KindKey: Hashable, Sendable {
        var group: String
        var kind: String
        var namespace: String
    }

    /// What rules may know without other objects.
    public let objectContext: LintObjectContext
    /// The facts of every object, indexed.
    let facts: LintFactSet
    private let kinds: Set<KindKey>
    private let byName: [ResourceKey: Resource]

    /// Indexes `resources`.
    /// - Parameters:
    ///   - defaultNamespace: the namespace of namespaced objects without `metadata.namespace`.
    ///   - kubernetesVersion: the target version for version-dependent rules; nil means the newest.
    ///   - scope: the scope of a kind when known from schemas or CRDs; nil falls back to a built-in
    ///     list of cluster-scoped kinds, treating anything else as namespaced.
    public init(
        resources: [Resource], defaultNamespace: String = "default", kubernetesVersion: LintKubernetesVersion? = nil,
        scope: @escaping @Sendable (GroupVersionKind) -> ResourceScope? = { _ in nil }
    ) {
        self.init(resources: resources, objectContext: LintObjectContext(
            defaultNamespace: defaultNamespace, kubernetesVersion: kubernetesVersion, scope: scope))
    }

    /// Indexes `resources` under `objectContext`.
    public init(resources: [Resource], objectContext: LintObjectContext) {
        self.objectContext = objectContext
        let roles = Set(LintFactRole.allCases)
        var kinds: Set<KindKey> = []
        var byName: [ResourceKey: Resource] = [:]
        var facts: [LintObjectFacts] = []
        for resource in resources {
            let namespace = objectContext.namespace(of: resource)
            kinds.insert(KindKey(group: resource.gvk.group, kind: resource.gvk.kind, namespace: namespace))
            let key = ResourceKey(group: resource.gvk.group, kind: resource.gvk.kind, namespace: namespace,
                                  name: resource.name)
            if byName[key] == nil { byName[key] = resource }
            if let fact = LintObjectFacts(
                resource, pod: LintPodTemplate(resource), suppressed: LintEngine.suppressedRules(of: resource),
                in: objectContext, roles: roles)  {
                facts.append(fact)
            }
        }
        self.kinds = kinds
        self.byName = byName
        self.facts = LintFactSet(chunks: [facts])
    }

    /// The namespace of namespaced objects that do not name one.
    public var defaultNamespace: String { objectContext.defaultNamespace }
    /// The Kubernetes version the manifests target, when configured.
    public var kubernetesVersion: LintKubernetesVersion? { objectContext.kubernetesVersion }
    /// The built-in schemas of the target version; nil for a version kplan has no schemas for.
    public var builtinSchemas: SchemaRegistry? { objectContext.builtinSchemas }

    /// The namespace `resource` lives in: its own, the default one, or `""` when cluster-scoped.
    public func namespace(of resource: Resource) -> String { objectContext.namespace(of: resource) }

    /// Whether objects of `gvk` live in a namespace.
    public func isNamespaced(_ gvk: GroupVersionKind) -> Bool { objectContext.isNamespaced(gvk) }

    /// The object of a group, kind, namespace and name, if the input holds it (the first one when
    /// it holds several).
    public func object(group: String, kind: String, in namespace: String, named name: String) -> Resource? {
        byName[ResourceKey(group: group, kind: kind, namespace: namespace, name: name)]
    }

    /// Whether the input holds at least one object of a group and kind in a namespace.
    public func hasObjects(group: String, kind: String, in namespace: String) -> Bool {
        kinds.contains(KindKey(group: group, kind: kind, namespace: namespace))
    }

    /// Whether the input holds at least one object with a pod template in a namespace.
    public func hasWorkloads(in namespace: String) -> Bool { facts.hasWorkloads(in: namespace) }
}
