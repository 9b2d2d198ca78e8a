import KPlanCore

/// What cross-object rules need to know about one object, extracted while its YAML tree is in memory.
///
/// Facts hold no ``Node``: only identity, the ranges a finding or note would point at, and small parsed
/// values (labels, selectors, referenced names, replicas). ``LintEngine/lintSet(_:)`` checks them
/// once every object's facts are known, so the trees can be dropped as soon as each object is linted.
public struct LintObjectFacts: Sendable {
    /// The object's API group (`""` for the core group).
    public let group: String
    /// The object's kind.
    public let kind: String
    /// The namespace it lives in after defaulting (`""` when cluster-scoped).
    public let namespace: String
    /// Its `metadata.name`.
    public let name: String
    /// The file it was read from.
    public let file: String
    /// Which kind of object the cross-object rules take it for.
    let role: LintFactRole
    /// `metadata.namespace` as written, for the display name.
    let declaredNamespace: String?
    /// Where findings about the object as a whole, and notes pointing at it, go (`metadata.name`).
    let nameAnchor: LintRange
    /// The rule ids (and possibly `all`) the object's `kplan.dev/ignore` annotation lists.
    let suppressed: Set<String>
    /// What the cross-object rules read, by kind.
    let detail: LintFactDetail

    /// `Kind namespace/name` as ``Resource/displayName`` spells it.
    public var displayName: String {
        if let declaredNamespace, !declaredNamespace.isEmpty { return "\(kind) \(declaredNamespace)/\(name)" }
        return "\(kind) \(name)"
    }

    /// The location of `range` in the object's file.
    func location(_ range: LintRange) -> SourceLocation { SourceLocation(file: file, range: range.source) }
}

/// The kind-specific part of ``LintObjectFacts``.
indirect enum LintFactDetail: Sendable {
    /// Only the identity matters (Secrets, ConfigMaps, ServiceAccounts, Services without a selector,
    /// workloads without a pod spec).
    case identity
    /// An object with a pod template.
    case workload(LintWorkloadFacts)
    /// A Service with a selector.
    case service(LintServiceFacts)
    /// A PodDisruptionBudget.
    case budget(LintBudgetFacts)
    /// A NetworkPolicy with a non-empty pod selector whose meaning is known.
    case networkPolicy(selector: LintLabelSelector, range: LintRange)
    /// A HorizontalPodAutoscaler with a target kind and name.
    case autoscaler(LintAutoscalerFacts)
    /// An Ingress: the Service names of its backends.
    case ingress(backends: [LintNamedReference])
}

/// A name written in the object, with the range of its node.
struct LintNamedReference: Sendable, Hashable {
    /// The name.
    let name: String
    /// Where it is written.
    let range: LintRange
}

/// What cross-object rules read from a workload's pod template.
struct LintWorkloadFacts: Sendable {
    /// The workload kind.
    let kind: WorkloadKind
    /// The labels its pods carry.
    let labels: LintLabels
    /// `spec.replicas` as ``lintReplicas(_:)`` reads it.
    let replicas: Int64?
    /// The `spec.replicas` value, else the name: where replica findings point.
    let replicasAnchor: LintRange
    /// The port names its containers declare.
    let portNames: [String]
    /// The ServiceAccount the pods run as, unless none or `default`.
    let serviceAccount: LintNamedReference?
    /// Its non-optional Secret and ConfigMap references.
    let references: [LintPodReference]
}

/// What cross-object rules read from a Service with a `spec.selector` mapping.
struct LintServiceFacts: Sendable {
    /// The selector's labels.
    let selector: LintLabelSelector
    /// The selector mapping.
    let selectorRange: LintRange
    /// The ports whose `targetPort` is a name.
    let namedTargetPorts: [LintNamedReference]
}

/// What cross-object rules read from a PodDisruptionBudget.
struct LintBudgetFacts: Sendable {
    /// `spec.selector`; nil when an operator is unknown (taken to select every pod).
    let selector: LintLabelSelector?
    /// The first key of the selector mapping (else the mapping), when it is a mapping.
    let selectorAnchor: LintRange?
    /// An integer `minAvailable` with its range.
    let minAvailable: (value: Int64, range: LintRange)?
}

/// What cross-object rules read from a HorizontalPodAutoscaler's `scaleTargetRef`.
struct LintAutoscalerFacts: Sendable {
    /// The target's kind.
    let kind: String
    /// The target's name.
    let name: String
    /// The target's group, when it is a kind with replicas whose existence is checked.
    let checkedGroup: String?
    /// The range of the target's name.
    let nameRange: LintRange
}
