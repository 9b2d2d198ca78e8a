import KPlanCore

/// The kinds of object that carry a pod template.
enum WorkloadKind: Sendable, Hashable {
    case pod, podTemplate, deployment, replicaSet, statefulSet, daemonSet, job, cronJob, replicationController

    /// The workload kind of `gvk`, or nil for anything else.
    init?(_ gvk: GroupVersionKind) {
        // The kind's length first: most objects are not workloads, and a switch over strings compares
        // the kind with each case in turn, a call each; a length leaves at most two to compare.
        let kind = gvk.kind
        let group = gvk.group
        switch kind.utf8.count {
        case 3 where kind == "Pod" && group.isEmpty: self = .pod
        case 3 where kind == "Job" && group == "batch": self = .job
        case 7 where kind == "CronJob" && group == "batch": self = .cronJob
        case 9 where kind == "DaemonSet" && (group == "apps" || group == "extensions"): self = .daemonSet
        case 10 where kind == "Deployment" && (group == "apps" || group == "extensions"): self = .deployment
        case 10 where kind == "ReplicaSet" && (group == "apps" || group == "extensions"): self = .replicaSet
        case 11 where kind == "PodTemplate" && group.isEmpty: self = .podTemplate
        case 11 where kind == "StatefulSet" && group == "apps": self = .statefulSet
        case 21 where kind == "ReplicationController" && group.isEmpty: self = .replicationController
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
