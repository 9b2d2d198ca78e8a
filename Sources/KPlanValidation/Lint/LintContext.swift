import KPlanCore

/// What cross-object rules know about the whole input set, built once before any rule runs.
///
/// Objects are indexed by group, kind and namespace. A namespaced object without
/// `metadata.namespace` is taken to live in ``defaultNamespace``.
///
/// The input is often only part of what a cluster holds, so rules that report a missing object first
/// ask whether the input plausibly describes that namespace completely (``hasObjects(group:kind:in:)``,
/// ``hasWorkloads(in:)``), and stay silent when it does not.
public struct LintContext: Sendable {
    private struct KindKey: Hashable, Sendable {
        var group: String
        var kind: String
        var namespace: String
    }

    /// The namespace of namespaced objects that do not name one.
    public let defaultNamespace: String
    /// The Kubernetes version the manifests target, when configured.
    public let kubernetesVersion: LintKubernetesVersion?
    private let scope: @Sendable (GroupVersionKind) -> ResourceScope?
    private let byKind: [KindKey: [Resource]]
    private let workloadsByNamespace: [String: [LintPodTemplate]]

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
        self.defaultNamespace = defaultNamespace
        self.kubernetesVersion = kubernetesVersion
        self.scope = scope
        var byKind: [KindKey: [Resource]] = [:]
        var workloads: [String: [LintPodTemplate]] = [:]
        for resource in resources {
            let namespace = Self.namespace(of: resource, defaultNamespace: defaultNamespace, scope: scope)
            byKind[KindKey(group: resource.gvk.group, kind: resource.gvk.kind, namespace: namespace), default: []]
                .append(resource)
            if let template = LintPodTemplate(resource) {
                workloads[namespace, default: []].append(template)
            }
        }
        self.byKind = byKind
        self.workloadsByNamespace = workloads
    }

    /// The namespace `resource` lives in: its own, the default one, or `""` when cluster-scoped.
    public func namespace(of resource: Resource) -> String {
        Self.namespace(of: resource, defaultNamespace: defaultNamespace, scope: scope)
    }

    /// Whether objects of `gvk` live in a namespace.
    public func isNamespaced(_ gvk: GroupVersionKind) -> Bool {
        Self.isNamespaced(gvk, scope: scope)
    }

    /// The objects of a group and kind in a namespace (`""` for cluster-scoped), in input order.
    public func objects(group: String, kind: String, in namespace: String) -> [Resource] {
        byKind[KindKey(group: group, kind: kind, namespace: namespace)] ?? []
    }

    /// The object of a group, kind, namespace and name, if the input holds it.
    public func object(group: String, kind: String, in namespace: String, named name: String) -> Resource? {
        objects(group: group, kind: kind, in: namespace).first { $0.name == name }
    }

    /// Whether the input holds at least one object of a group and kind in a namespace.
    public func hasObjects(group: String, kind: String, in namespace: String) -> Bool {
        !objects(group: group, kind: kind, in: namespace).isEmpty
    }

    /// Whether the input holds at least one object with a pod template in a namespace.
    public func hasWorkloads(in namespace: String) -> Bool {
        !(workloadsByNamespace[namespace] ?? []).isEmpty
    }

    /// The pod templates of a namespace, in input order.
    func workloads(in namespace: String) -> [LintPodTemplate] {
        workloadsByNamespace[namespace] ?? []
    }

    private static func namespace(
        of resource: Resource, defaultNamespace: String, scope: (GroupVersionKind) -> ResourceScope?
    ) -> String {
        guard isNamespaced(resource.gvk, scope: scope) else { return "" }
        if let namespace = resource.namespace, !namespace.isEmpty { return namespace }
        return defaultNamespace
    }

    private static func isNamespaced(_ gvk: GroupVersionKind, scope: (GroupVersionKind) -> ResourceScope?) -> Bool {
        switch scope(gvk) {
        case .namespaced?: true
        case .cluster?: false
        case nil: !clusterScopedKinds.contains(gvk.kind)
        }
    }

    /// Built-in kinds that are cluster-scoped.
    private static let clusterScopedKinds: Set<String> = [
        "APIService", "CertificateSigningRequest", "ClusterRole", "ClusterRoleBinding", "ComponentStatus",
        "CSIDriver", "CSINode", "CustomResourceDefinition", "FlowSchema", "IngressClass",
        "MutatingWebhookConfiguration", "Namespace", "Node", "PersistentVolume", "PodSecurityPolicy",
        "PriorityClass", "PriorityLevelConfiguration", "RuntimeClass", "StorageClass", "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration", "VolumeAttachment",
    ]
}
