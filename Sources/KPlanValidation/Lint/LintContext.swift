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

    private struct LabelKey: Hashable, Sendable {
        var namespace: String
        var key: String
        var value: String
    }

    /// The namespace of namespaced objects that do not name one.
    public let defaultNamespace: String
    /// The Kubernetes version the manifests target, when configured.
    public let kubernetesVersion: LintKubernetesVersion?
    /// The built-in schemas of the target version (the newest embedded one when none is configured);
    /// nil for a version kplan has no schemas for.
    public let builtinSchemas: SchemaRegistry?
    private let scope: @Sendable (GroupVersionKind) -> ResourceScope?
    private let byKind: [KindKey: [Resource]]
    private let byName: [ResourceKey: Resource]
    private let workloadsByNamespace: [String: [LintPodTemplate]]
    /// Indexes into `workloadsByNamespace[namespace]` of the templates carrying a label.
    private let workloadsByLabel: [LabelKey: [Int]]
    /// Workloads whose pods some PodDisruptionBudget selects (group left empty).
    private let budgetedWorkloads: Set<ResourceKey>
    /// Workloads some HorizontalPodAutoscaler targets (group left empty).
    private let autoscaledWorkloads: Set<ResourceKey>

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
        self.builtinSchemas = try? SchemaRegistry.builtin(version: kubernetesVersion?.description ?? SchemaRegistry.defaultVersion)
        self.scope = scope
        var byKind: [KindKey: [Resource]] = [:]
        var byName: [ResourceKey: Resource] = [:]
        var workloads: [String: [LintPodTemplate]] = [:]
        var workloadsByLabel: [LabelKey: [Int]] = [:]
        var budgetSelectors: [String: [LintLabelSelector?]] = [:]
        var autoscaled: Set<ResourceKey> = []
        for resource in resources {
            let namespace = Self.namespace(of: resource, defaultNamespace: defaultNamespace, scope: scope)
            byKind[KindKey(group: resource.gvk.group, kind: resource.gvk.kind, namespace: namespace), default: []]
                .append(resource)
            let key = ResourceKey(group: resource.gvk.group, kind: resource.gvk.kind, namespace: namespace,
                                  name: resource.name)
            if byName[key] == nil { byName[key] = resource }
            if let template = LintPodTemplate(resource) {
                let index = workloads[namespace, default: []].count
                workloads[namespace, default: []].append(template)
                for (label, value) in template.labels {
                    workloadsByLabel[LabelKey(namespace: namespace, key: label, value: value), default: []].append(index)
                }
            }
            if resource.gvk.group == "policy", resource.gvk.kind == "PodDisruptionBudget" {
                budgetSelectors[namespace, default: []]
                    .append(LintLabelSelector(labelSelector: resource.node[path: "spec", "selector"]))
            }
            if resource.gvk.group == "autoscaling", resource.gvk.kind == "HorizontalPodAutoscaler",
               let target = resource.node[path: "spec", "scaleTargetRef"],
               let kind = target["kind"]?.string, let name = target["name"]?.string {
                autoscaled.insert(ResourceKey(group: "", kind: kind, namespace: namespace, name: name))
            }
        }
        self.byKind = byKind
        self.byName = byName
        self.workloadsByNamespace = workloads
        self.workloadsByLabel = workloadsByLabel
        self.autoscaledWorkloads = autoscaled
        var budgeted: Set<ResourceKey> = []
        for (namespace, selectors) in budgetSelectors {
            for selector in selectors {
                let all = workloads[namespace] ?? []
                let selected = selector.map {
                    Self.select($0, from: all, namespace: namespace, index: workloadsByLabel)
                } ?? all
                for template in selected { budgeted.insert(Self.workloadKey(template.resource, namespace: namespace)) }
            }
        }
        self.budgetedWorkloads = budgeted
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
        byName[ResourceKey(group: group, kind: kind, namespace: namespace, name: name)]
    }

    /// Whether the input holds at least one object of a group and kind in a namespace.
    public func hasObjects(group: String, kind: String, in namespace: String) -> Bool {
        !objects(group: group, kind: kind, in: namespace).isEmpty
    }

    /// Whether the input holds at least one object with a pod template in a namespace.
    public func hasWorkloads(in namespace: String) -> Bool {
        !(workloadsByNamespace[namespace] ?? []).isEmpty
    }

    /// The pod templates of a namespace whose labels `selector` matches, in input order.
    ///
    /// A selector with `matchLabels` only looks at the templates carrying its rarest label.
    func workloads(in namespace: String, matching selector: LintLabelSelector) -> [LintPodTemplate] {
        Self.select(selector, from: workloadsByNamespace[namespace] ?? [], namespace: namespace, index: workloadsByLabel)
    }

    private static func select(
        _ selector: LintLabelSelector, from all: [LintPodTemplate], namespace: String, index: [LabelKey: [Int]]
    ) -> [LintPodTemplate] {
        let postings = selector.matchLabels.map { index[LabelKey(namespace: namespace, key: $0.key, value: $0.value)] ?? [] }
        guard let candidates = postings.min(by: { $0.count < $1.count }) else {
            return all.filter { selector.matches($0.labels) }
        }
        return candidates.map { all[$0] }.filter { selector.matches($0.labels) }
    }

    /// Whether a PodDisruptionBudget of the input selects the pods of a workload (or has a selector
    /// whose meaning is unknown, which is taken to select them).
    func isBudgeted(_ template: LintPodTemplate) -> Bool {
        budgetedWorkloads.contains(Self.workloadKey(template.resource, namespace: namespace(of: template.resource)))
    }

    /// Whether a HorizontalPodAutoscaler of the input targets the object (by kind and name).
    func isAutoscaled(_ resource: Resource) -> Bool {
        autoscaledWorkloads.contains(Self.workloadKey(resource, namespace: namespace(of: resource)))
    }

    private static func workloadKey(_ resource: Resource, namespace: String) -> ResourceKey {
        ResourceKey(group: "", kind: resource.gvk.kind, namespace: namespace, name: resource.name)
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
