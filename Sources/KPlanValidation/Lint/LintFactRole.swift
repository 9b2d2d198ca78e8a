import KPlanCore

/// The kinds of object cross-object rules read facts from.
enum LintFactRole: Sendable, Hashable, CaseIterable {
    case secret, configMap, serviceAccount, service, workload, budget, networkPolicy, autoscaler, ingress

    /// The role of objects of `gvk`, or nil when no cross-object rule reads them.
    init?(_ gvk: GroupVersionKind) {
        // The kind's length first, then the kind, then the group: a switch over strings compares the
        // kind with each case in turn, a call each; a length leaves at most two to compare.
        let kind = gvk.kind
        let group = gvk.group
        switch kind.utf8.count {
        case 6 where kind == "Secret" && group.isEmpty: self = .secret
        case 9 where kind == "ConfigMap" && group.isEmpty: self = .configMap
        case 14 where kind == "ServiceAccount" && group.isEmpty: self = .serviceAccount
        case 7 where kind == "Service" && group.isEmpty: self = .service
        case 19 where kind == "PodDisruptionBudget" && group == "policy": self = .budget
        case 13 where kind == "NetworkPolicy" && (group == "networking.k8s.io" || group == "extensions"):
            self = .networkPolicy
        case 23 where kind == "HorizontalPodAutoscaler" && group == "autoscaling": self = .autoscaler
        case 7 where kind == "Ingress" && (group == "networking.k8s.io" || group == "extensions"): self = .ingress
        default:
            guard WorkloadKind(gvk) != nil else { return nil }
            self = .workload
        }
    }
}
