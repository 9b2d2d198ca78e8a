import KPlanCore

/// The kinds of object that carry a pod template.
enum WorkloadKind: Sendable, Hashable {
    case pod, podTemplate, deployment, replicaSet, statefulSet, daemonSet, job, cronJob, replicationController

    /// The workload kind of `gvk`, or nil for anything else.
    init?(_ gvk: GroupVersionKind) {
        switch (gvk.group, gvk.kind) {
        case ("", "Pod"): self = .pod
        case ("", "PodTemplate"): self = .podTemplate
        case ("", "ReplicationController"): self = .replicationController
        case ("apps", "Deployment"), ("extensions", "Deployment"): self = .deployment
        case ("apps", "ReplicaSet"), ("extensions", "ReplicaSet"): self = .replicaSet
        case ("apps", "StatefulSet"): self = .statefulSet
        case ("apps", "DaemonSet"), ("extensions", "DaemonSet"): self = .daemonSet
        case ("batch", "Job"): self = .job
        case ("batch", "CronJob"): self = .cronJob
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
