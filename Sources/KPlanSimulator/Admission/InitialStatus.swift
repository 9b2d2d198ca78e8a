import KPlanCore

/// The status an object is created with, as each kind's REST strategy sets it (`PrepareForCreate`
/// clears what the client sent) and the zero values Kubernetes' JSON keeps (fields without
/// `omitempty`). On update, these kinds keep their stored status.
enum InitialStatus {
    /// The status `object` of kind `group`/`kind` starts with; nil for kinds whose status the client
    /// may write or that have none.
    static func of(group: String, kind: String, object: JSONValue) -> JSONValue? {
        switch (group, kind) {
        case ("", "Pod"): PodDefaults.initialStatus(of: object)
        case ("", "Service"), ("networking.k8s.io", "Ingress"): ["loadBalancer": [:]]
        case ("", "Namespace"): ["phase": "Active"]
        case ("", "PersistentVolumeClaim"), ("", "PersistentVolume"): ["phase": "Pending"]
        case ("", "ReplicationController"), ("apps", "ReplicaSet"): ["replicas": 0]
        case ("apps", "StatefulSet"): ["replicas": 0, "availableReplicas": 0]
        case ("apps", "DaemonSet"):
            ["currentNumberScheduled": 0, "desiredNumberScheduled": 0, "numberMisscheduled": 0, "numberReady": 0]
        case ("apps", "Deployment"), ("batch", "Job"), ("batch", "CronJob"): [:]
        case ("policy", "PodDisruptionBudget"):
            ["currentHealthy": 0, "desiredHealthy": 0, "disruptionsAllowed": 0, "expectedPods": 0]
        case ("autoscaling", "HorizontalPodAutoscaler"): ["desiredReplicas": 0, "currentMetrics": nil]
        default: nil
        }
    }
}
