import KPlanCore

/// The kinds of object cross-object rules read facts from.
enum LintFactRole: Sendable, Hashable, CaseIterable {
    case secret, configMap, serviceAccount, service, workload, budget, networkPolicy, autoscaler, ingress

    /// The role of objects of `gvk`, or nil when no cross-object rule reads them.
    init?(_ gvk: GroupVersionKind) {
        switch (gvk.group, gvk.kind) {
        case ("", "Secret"): self = .secret
        case ("", "ConfigMap"): self = .configMap
        case ("", "ServiceAccount"): self = .serviceAccount
        case ("", "Service"): self = .service
        case ("policy", "PodDisruptionBudget"): self = .budget
        case ("networking.k8s.io", "NetworkPolicy"), ("extensions", "NetworkPolicy"): self = .networkPolicy
        case ("autoscaling", "HorizontalPodAutoscaler"): self = .autoscaler
        case ("networking.k8s.io", "Ingress"), ("extensions", "Ingress"): self = .ingress
        default:
            guard WorkloadKind(gvk) != nil else { return nil }
            self = .workload
        }
    }
}
