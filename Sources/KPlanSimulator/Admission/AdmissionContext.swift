import KPlanCore

/// The cluster state a write depends on: the StorageClasses (for the DefaultStorageClass plugin),
/// PriorityClasses (for Priority) and LimitRanges (for LimitRanger) that exist, and the Service
/// addresses and ports allocated.
public struct AdmissionContext: Sendable {
    /// Every StorageClass in the cluster.
    public var storageClasses: [KubeObject]
    /// Every PriorityClass in the cluster, besides the two built-in system classes.
    public var priorityClasses: [KubeObject]
    /// The LimitRanges of the namespace written to (for the LimitRanger plugin); others are ignored.
    public var limitRanges: [KubeObject]
    /// The cluster IPs Services hold.
    public var clusterIPsInUse: Set<String>
    /// The node ports (and health-check node ports) Services hold.
    public var nodePortsInUse: Set<Int>

    /// Creates a context.
    public init(storageClasses: [KubeObject] = [], priorityClasses: [KubeObject] = [], limitRanges: [KubeObject] = [],
                clusterIPsInUse: Set<String> = [], nodePortsInUse: Set<Int> = []) {
        self.storageClasses = storageClasses
        self.priorityClasses = priorityClasses
        self.limitRanges = limitRanges
        self.clusterIPsInUse = clusterIPsInUse
        self.nodePortsInUse = nodePortsInUse
    }

    /// The built-in PriorityClasses every cluster has (`system-cluster-critical`, `system-node-critical`).
    static let systemPriorities: [String: Int64] = [
        "system-cluster-critical": 2_000_000_000,
        "system-node-critical": 2_000_001_000,
    ]

    /// The StorageClass marked default (`storageclass.kubernetes.io/is-default-class: "true"`); when
    /// several are, the newest by creation time, then by name, as the plugin chooses.
    var defaultStorageClass: String? {
        let marked = storageClasses.filter { isMarkedDefault($0) }
        return marked.max { lhs, rhs in
            let left = lhs[path: "metadata", "creationTimestamp"]?.string ?? ""
            let right = rhs[path: "metadata", "creationTimestamp"]?.string ?? ""
            return left == right ? lhs.name > rhs.name : left < right
        }?.name
    }

    private func isMarkedDefault(_ storageClass: KubeObject) -> Bool {
        let annotations = storageClass.annotations
        return annotations["storageclass.kubernetes.io/is-default-class"] == "true"
            || annotations["storageclass.beta.kubernetes.io/is-default-class"] == "true"
    }

    /// The value and preemption policy of the PriorityClass `name`, nil when there is none.
    func priority(named name: String) -> (value: Int64, preemptionPolicy: String)? {
        if let value = Self.systemPriorities[name] { return (value, "PreemptLowerPriority") }
        guard let priorityClass = priorityClasses.first(where: { $0.name == name }) else { return nil }
        return (priorityClass["value"]?.int ?? 0, priorityClass["preemptionPolicy"]?.string ?? "PreemptLowerPriority")
    }

    /// The PriorityClass marked `globalDefault`, nil when there is none (the lowest value when several are).
    var globalDefaultPriorityClass: String? {
        priorityClasses.filter { $0["globalDefault"]?.bool == true }
            .min { ($0["value"]?.int ?? 0, $0.name) < ($1["value"]?.int ?? 0, $1.name) }?.name
    }
}
