import KPlanCore

/// The facts of a whole input set, indexed once for the cross-object rules.
///
/// The input is often only part of what a cluster holds, so rules that report a missing object first
/// ask whether the input plausibly describes that namespace completely (``hasObjects(group:kind:in:)``,
/// ``hasWorkloads(in:)``), and stay silent when it does not.
struct LintFactSet: Sendable {
    /// A workload's identity and pod template facts.
    struct Workload: Sendable {
        /// The workload object.
        let object: LintObjectFacts
        /// Its pod template.
        let pod: LintWorkloadFacts
    }

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

    /// The names of the looked-up objects of each group, kind and namespace, so indexing an object
    /// hashes its kind and its name rather than its kind and then its whole key.
    private let names: [KindKey: Set<String>]
    private let workloadsByNamespace: [String: [Workload]]
    /// Indexes into `workloadsByNamespace[namespace]` of the templates carrying a label.
    private let workloadsByLabel: [LabelKey: [Int]]
    /// Workloads whose pods some PodDisruptionBudget selects (group left empty).
    private let budgetedWorkloads: Set<ResourceKey>
    /// Workloads some HorizontalPodAutoscaler targets (group left empty).
    private let autoscaledWorkloads: Set<ResourceKey>

    /// Indexes `facts`.
    init(chunks: [[LintObjectFacts]]) {
        var names: [KindKey: Set<String>] = [:]
        var workloads: [String: [Workload]] = [:]
        var workloadsByLabel: [LabelKey: [Int]] = [:]
        var budgets: [(namespace: String, selector: LintLabelSelector?)] = []
        var autoscaled: Set<ResourceKey> = []
        for object in chunks.joined() {
            if object.isLookedUp {
                names[KindKey(group: object.group, kind: object.kind, namespace: object.namespace), default: []]
                    .insert(object.name)
            }
            switch object.detail {
            case .workload(let pod):
                let index = Self.append(Workload(object: object, pod: pod), to: &workloads[object.namespace, default: []])
                for label in pod.labels.pairs {
                    workloadsByLabel[LabelKey(namespace: object.namespace, key: label.key, value: label.value), default: []]
                        .append(index)
                }
            case .budget(let budget):
                budgets.append((object.namespace, budget.selector))
            case .autoscaler(let target):
                autoscaled.insert(ResourceKey(group: "", kind: target.kind, namespace: object.namespace, name: target.name))
            case .identity, .service, .networkPolicy, .ingress:
                break
            }
        }
        self.names = names
        self.workloadsByNamespace = workloads
        self.workloadsByLabel = workloadsByLabel
        self.autoscaledWorkloads = autoscaled
        var budgeted: Set<ResourceKey> = []
        for (namespace, selector) in budgets {
            let all = workloads[namespace] ?? []
            let selected = selector.map { Self.select($0, from: all, namespace: namespace, index: workloadsByLabel) } ?? all
            for workload in selected { budgeted.insert(Self.workloadKey(workload.object)) }
        }
        self.budgetedWorkloads = budgeted
    }

    /// Whether the set holds an object of a group, kind, namespace and name; only kinds rules look
    /// up by name are indexed (see ``LintObjectFacts/isLookedUp``).
    func contains(group: String, kind: String, in namespace: String, named name: String) -> Bool {
        names[KindKey(group: group, kind: kind, namespace: namespace)]?.contains(name) ?? false
    }

    /// Whether the set holds at least one object of a group and kind in a namespace; only kinds rules
    /// look up by name are indexed (see ``LintObjectFacts/isLookedUp``).
    func hasObjects(group: String, kind: String, in namespace: String) -> Bool {
        names[KindKey(group: group, kind: kind, namespace: namespace)] != nil
    }

    /// Whether the set holds at least one object with a pod template in a namespace.
    func hasWorkloads(in namespace: String) -> Bool {
        workloadsByNamespace[namespace] != nil
    }

    /// The workloads of a namespace whose pod labels `selector` matches, in input order.
    ///
    /// A selector with `matchLabels` only looks at the templates carrying its rarest label.
    func workloads(in namespace: String, matching selector: LintLabelSelector) -> [Workload] {
        Self.select(selector, from: workloadsByNamespace[namespace] ?? [], namespace: namespace, index: workloadsByLabel)
    }

    /// Whether a PodDisruptionBudget of the set selects the pods of a workload (or has a selector whose
    /// meaning is unknown, which is taken to select them).
    func isBudgeted(_ workload: LintObjectFacts) -> Bool {
        budgetedWorkloads.contains(Self.workloadKey(workload))
    }

    /// Whether a HorizontalPodAutoscaler of the set targets the object (by kind and name).
    func isAutoscaled(_ object: LintObjectFacts) -> Bool {
        autoscaledWorkloads.contains(Self.workloadKey(object))
    }

    /// Whether some workload of a namespace has pod labels `selector` matches: ``workloads(in:matching:)``
    /// is not empty, found without collecting (and copying) the workloads.
    func hasWorkloads(in namespace: String, matching selector: LintLabelSelector) -> Bool {
        guard let all = workloadsByNamespace[namespace] else { return false }
        guard let rarest = Self.rarestPostings(selector, namespace: namespace, index: workloadsByLabel) else {
            return all.contains { selector.matches($0.pod.labels) }
        }
        return rarest.contains { selector.matches(all[$0].pod.labels) }
    }

    private static func select(
        _ selector: LintLabelSelector, from all: [Workload], namespace: String, index: [LabelKey: [Int]]
    ) -> [Workload] {
        guard let rarest = rarestPostings(selector, namespace: namespace, index: index) else {
            return all.filter { selector.matches($0.pod.labels) }
        }
        return rarest.lazy.map { all[$0] }.filter { selector.matches($0.pod.labels) }
    }

    /// The indexes of the templates carrying the selector's rarest `matchLabels` label; nil when it has
    /// no `matchLabels`, so every template is a candidate.
    private static func rarestPostings(
        _ selector: LintLabelSelector, namespace: String, index: [LabelKey: [Int]]
    ) -> [Int]? {
        var rarest: [Int]?
        for label in selector.matchLabels.pairs {
            let postings = index[LabelKey(namespace: namespace, key: label.key, value: label.value)] ?? []
            if postings.count < rarest?.count ?? .max { rarest = postings }
        }
        return rarest
    }

    /// Appends `workload` and returns its index (one lookup of the namespace's list, not two).
    private static func append(_ workload: Workload, to list: inout [Workload]) -> Int {
        list.append(workload)
        return list.count - 1
    }

    private static func workloadKey(_ object: LintObjectFacts) -> ResourceKey {
        ResourceKey(group: "", kind: object.kind, namespace: object.namespace, name: object.name)
    }
}

extension LintObjectFacts {
    /// Whether rules look objects like this one up by kind and name: Secrets, ConfigMaps,
    /// ServiceAccounts and Services, and the workloads an autoscaler may target.
    var isLookedUp: Bool {
        switch role {
        case .secret, .configMap, .serviceAccount, .service: true
        case .workload: WorkloadKind(GroupVersionKind(group: group, version: "", kind: kind))?.hasReplicas == true
        case .budget, .networkPolicy, .autoscaler, .ingress: false
        }
    }
}
