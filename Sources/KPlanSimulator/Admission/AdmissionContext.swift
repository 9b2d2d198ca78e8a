import KPlanCore

/// The cluster state a write depends on: the StorageClasses (for the DefaultStorageClass plugin),
/// PriorityClasses (for Priority), LimitRanges (for LimitRanger) and IngressClasses (for
/// DefaultIngressClass) that exist, and the Service addresses and ports allocated.
public struct AdmissionContext: Sendable {
    /// Every StorageClass in the cluster.
    public var storageClasses: [KubeObject]
    /// Every PriorityClass in the cluster, besides the two built-in system classes.
    public var priorityClasses: [KubeObject]
    /// The LimitRanges of the namespace written to (for the LimitRanger plugin); others are ignored.
    public var limitRanges: [KubeObject]
    /// Every IngressClass in the cluster (for the DefaultIngressClass plugin).
    public var ingressClasses: [KubeObject]
    /// The cluster IPs and node ports (and health-check node ports) Services hold.
    public var serviceAddresses: ServiceAddressesInUse

    /// Creates a context.
    public init(storageClasses: [KubeObject] = [], priorityClasses: [KubeObject] = [], limitRanges: [KubeObject] = [],
                ingressClasses: [KubeObject] = [], serviceAddresses: ServiceAddressesInUse = ServiceAddressesInUse()) {
        self.storageClasses = storageClasses
        self.priorityClasses = priorityClasses
        self.limitRanges = limitRanges
        self.ingressClasses = ingressClasses
        self.serviceAddresses = serviceAddresses
    }

    /// The built-in PriorityClasses every cluster has (`system-cluster-critical`, `system-node-critical`).
    static let systemPriorities: [String: Int64] = [
        "system-cluster-critical": 2_000_000_000,
        "system-node-critical": 2_000_001_000,
    ]

    /// The StorageClass marked default (`storageclass.kubernetes.io/is-default-class: "true"`); when
    /// several are, the newest by creation time, then by name, as the plugin chooses.
    var defaultStorageClass: String? {
        Self.newest(storageClasses.filter {
            $0.annotations["storageclass.kubernetes.io/is-default-class"] == "true"
                || $0.annotations["storageclass.beta.kubernetes.io/is-default-class"] == "true"
        })
    }

    /// The IngressClass marked default (`ingressclass.kubernetes.io/is-default-class: "true"`), the
    /// newest when several are.
    var defaultIngressClass: String? {
        Self.newest(ingressClasses.filter { $0.annotations["ingressclass.kubernetes.io/is-default-class"] == "true" })
    }

    /// The name of the newest object by creation time, then by name.
    private static func newest(_ objects: [KubeObject]) -> String? {
        objects.max { lhs, rhs in
            let left = lhs[path: "metadata", "creationTimestamp"]?.string ?? ""
            let right = rhs[path: "metadata", "creationTimestamp"]?.string ?? ""
            return left == right ? lhs.name > rhs.name : left < right
        }?.name
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
