import KPlanCore

/// The kinds of object cross-object rules read facts from.
enum LintFactRole: Sendable, Hashable, CaseIterable {
    case secret, configMap, serviceAccount, service, workload, budget, networkPolicy, autoscaler, ingress

    /// The role of objects of `gvk`, or nil when no cross-object rule reads them.
    init?(_ gvk: GroupVersionKind) {
        // The kind first, then the group: one string comparison tells most kinds apart.
        switch gvk.kind {
        case "Secret" where gvk.group.isEmpty: self = .secret
        case "ConfigMap" where gvk.group.isEmpty: self = .configMap
        case "ServiceAccount" where gvk.group.isEmpty: self = .serviceAccount
        case "Service" where gvk.group.isEmpty: self = .service
        case "PodDisruptionBudget" where gvk.group == "policy": self = .budget
        case "NetworkPolicy" where gvk.group == "networking.k8s.io" || gvk.group == "extensions": self = .networkPolicy
        case "HorizontalPodAutoscaler" where gvk.group == "autoscaling": self = .autoscaler
        case "Ingress" where gvk.group == "networking.k8s.io" || gvk.group == "extensions": self = .ingress
        default:
            guard WorkloadKind(gvk) != nil else { return nil }
            self = .workload
        }
    }
}
