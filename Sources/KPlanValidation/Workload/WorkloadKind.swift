import KPlanCore

/// The kinds of object that carry a pod template.
enum WorkloadKind: Sendable, Hashable {
    case pod, podTemplate, deployment, replicaSet, statefulSet, daemonSet, job, cronJob, replicationController

    /// The workload kind of `gvk`, or nil for anything else.
    init?(_ gvk: GroupVersionKind) {
        // The kind first: most objects are not workloads, and are told apart by one string each.
        switch gvk.kind {
        case "Pod" where gvk.group.isEmpty: self = .pod
        case "PodTemplate" where gvk.group.isEmpty: self = .podTemplate
        case "ReplicationController" where gvk.group.isEmpty: self = .replicationController
        case "Deployment" where gvk.group == "apps" || gvk.group == "extensions": self = .deployment
        case "ReplicaSet" where gvk.group == "apps" || gvk.group == "extensions": self = .replicaSet
        case "StatefulSet" where gvk.group == "apps": self = .statefulSet
        case "DaemonSet" where gvk.group == "apps" || gvk.group == "extensions": self = .daemonSet
        case "Job" where gvk.group == "batch": self = .job
        case "CronJob" where gvk.group == "batch": self = .cronJob
        default: return nil
        }
    }

    /// Whether the kind has a `spec.replicas` field.
    var hasReplicas: Bool {
        switch self {
        case .deployment, .replicaSet, .statefulSet, .replicationController: true
        case .pod, .podTemplate, .daemonSet, .job, .cronJob: false
        }
    }
}
