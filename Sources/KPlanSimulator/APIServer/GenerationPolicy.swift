import KPlanCore

/// Which objects carry `metadata.generation`, and when it moves: set to 1 on create and bumped when
/// anything but metadata and status changes, for the kinds whose API strategy tracks it (workloads,
/// autoscalers, disruption budgets, network objects, CRDs, admission configuration, Pods since 1.34,
/// and every custom resource).
enum GenerationPolicy {
    /// Whether objects of this kind have a generation.
    static func tracksGeneration(group: String, kind: String, isCustom: Bool) -> Bool {
        if isCustom { return true }
        switch group {
        case "apps", "batch", "autoscaling", "policy", "apiextensions.k8s.io", "admissionregistration.k8s.io":
            return true
        case "networking.k8s.io":
            return kind == "Ingress" || kind == "NetworkPolicy" || kind == "IngressClass"
        case "":
            return kind == "Pod" || kind == "ReplicationController"
        default:
            return false
        }
    }

    /// Whether `new` differs from `old` outside metadata and status.
    static func specChanged(from old: KubeObject, to new: KubeObject) -> Bool {
        var oldMembers = old.members
        var newMembers = new.members
        for key in ["metadata", "status", "apiVersion", "kind"] {
            oldMembers[key] = nil
            newMembers[key] = nil
        }
        return oldMembers != newMembers
    }
}
