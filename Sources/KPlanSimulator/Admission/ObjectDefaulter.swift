import KPlanCore
import KPlanValidation

/// Turns an object a client writes into the object the API server stores, short of identity and
/// versioning (`uid`, `resourceVersion`, `generation`, timestamps): the defaults of Kubernetes'
/// `pkg/apis/*/v1*/defaults.go` for its kind, those of a custom resource's CRD schema, the mutating
/// admission plugins enabled by default, Service IP and port allocation, and the initial status.
///
/// What is defaulted, kind by kind, is listed in the README's "Defaults on write" section.
public struct ObjectDefaulter: Sendable {
    /// Which write is being made.
    public enum Operation: Sendable {
        /// A new object. A Job's selector is generated from `metadata.uid` when the object has one.
        case create
        /// A change to the stored object `old`: its status and allocations are kept.
        case update(old: KubeObject)
    }

    /// Schemas of the built-in kinds and the known CRDs (for custom resources' defaults).
    public let registry: SchemaRegistry
    /// Where Service cluster IPs come from.
    public let clusterIPs: ClusterIPAllocator
    /// Where Service node ports come from.
    public let nodePorts: NodePortAllocator
    /// The `group/kind` of every kind a CRD in the registry defines.
    private let customKinds: Set<String>

    /// Creates a defaulter.
    public init(registry: SchemaRegistry, clusterIPs: ClusterIPAllocator = .standard, nodePorts: NodePortAllocator = .standard) {
        self.registry = registry
        self.clusterIPs = clusterIPs
        self.nodePorts = nodePorts
        customKinds = Set(registry.crds.map { "\($0.group)/\($0.kind)" })
    }

    /// `object` as the API server would store it after `operation`.
    /// - Throws: `APIError` when an admission plugin or an allocation refuses the write (an unknown
    ///   PriorityClass, a cluster IP or node port taken or out of range).
    public func admit(_ object: KubeObject, operation: Operation, context: AdmissionContext) throws(APIError) -> KubeObject {
        var value = defaulted(object).value
        let gvk = object.gvk
        let old: KubeObject?
        switch operation {
        case .create:
            old = nil
            switch (gvk.group, gvk.kind) {
            case ("", "Pod"):
                try PodDefaults.admit(&value, context: context)
            case ("", "PersistentVolumeClaim"):
                StorageDefaults.applyClaim(&value, defaultStorageClass: context.defaultStorageClass)
                StorageDefaults.applyProtectionFinalizer(&value, finalizer: "kubernetes.io/pvc-protection")
            case ("", "PersistentVolume"):
                StorageDefaults.applyProtectionFinalizer(&value, finalizer: "kubernetes.io/pv-protection")
            case ("networking.k8s.io", "Ingress"):
                ClusterObjectDefaults.applyDefaultIngressClass(&value, defaultClass: context.defaultIngressClass)
            case ("batch", "Job"):
                if let uid = object.uid {
                    let labelsFromTemplate = object.labels.isEmpty && object[path: "spec", "template", "metadata", "labels"]?.object != nil
                    WorkloadDefaults.generateJobSelector(&value, uid: uid, labelsFromTemplate: labelsFromTemplate)
                }
            default:
                break
            }
        case .update(let stored):
            old = stored
        }
        if gvk.group == "apps" && gvk.kind == "DaemonSet" {
            WorkloadDefaults.applyTemplateGeneration(&value, old: old?.value)
        }
        if gvk.group.isEmpty && gvk.kind == "Service" {
            let allocation = ServiceAllocation(clusterIPs: clusterIPs, nodePorts: nodePorts, inUse: context.serviceAddresses)
            try allocation.apply(to: &value, old: old?.value)
        }
        if gvk.group == "apiextensions.k8s.io" && gvk.kind == "CustomResourceDefinition" {
            value["status"] = ExtensionDefaults.customResourceDefinitionStatus(value, old: old?.value)
        } else if let initial = InitialStatus.of(group: gvk.group, kind: gvk.kind, object: value) {
            if let old {
                value["status"] = old["status"] ?? initial
            } else {
                value["status"] = initial
            }
        }
        return KubeObject(value) ?? object
    }

    /// `object` with the defaults of its kind and version applied (no admission plugins, allocation
    /// or status): what decoding a request into the API server's types gives, quantities in their
    /// canonical form included.
    public func defaulted(_ object: KubeObject) -> KubeObject {
        var value = object.value
        let gvk = object.gvk
        let isCustom = customKinds.contains("\(gvk.group)/\(gvk.kind)")
        if !isCustom, case .found(let schema) = registry.lookup(gvk) {
            value = CanonicalQuantity.apply(to: value, schema: schema)
        }
        switch (gvk.group, gvk.kind) {
        case ("", "Pod"): PodDefaults.applyDefaults(to: &value)
        case ("", "PodTemplate"): WorkloadDefaults.applyPodTemplate(&value)
        case ("", "ReplicationController"): WorkloadDefaults.applyReplicationController(&value)
        case ("", "Service"): ServiceDefaults.apply(to: &value)
        case ("", "Secret"): ClusterObjectDefaults.applySecret(&value)
        case ("", "Namespace"): ClusterObjectDefaults.applyNamespace(&value)
        case ("", "Endpoints"): ClusterObjectDefaults.applyEndpoints(&value)
        case ("", "LimitRange"): ClusterObjectDefaults.applyLimitRange(&value)
        case ("", "PersistentVolumeClaim"): value.edit("spec", create: true, StorageDefaults.applyClaimSpec)
        case ("", "PersistentVolume"): StorageDefaults.applyVolume(&value)
        case ("apps", "Deployment"): WorkloadDefaults.applyDeployment(&value)
        case ("apps", "ReplicaSet"): WorkloadDefaults.applyReplicaSet(&value)
        case ("apps", "StatefulSet"): WorkloadDefaults.applyStatefulSet(&value)
        case ("apps", "DaemonSet"): WorkloadDefaults.applyDaemonSet(&value)
        case ("batch", "Job"): WorkloadDefaults.applyJob(&value)
        case ("batch", "CronJob"): WorkloadDefaults.applyCronJob(&value)
        case ("storage.k8s.io", "StorageClass"): StorageDefaults.applyStorageClass(&value)
        case ("rbac.authorization.k8s.io", "RoleBinding"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"):
            ClusterObjectDefaults.applyBinding(&value)
        case ("networking.k8s.io", "NetworkPolicy"): ClusterObjectDefaults.applyNetworkPolicy(&value)
        case ("scheduling.k8s.io", "PriorityClass"): ClusterObjectDefaults.applyPriorityClass(&value)
        case ("apiextensions.k8s.io", "CustomResourceDefinition"): ExtensionDefaults.applyCustomResourceDefinition(&value)
        case ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"):
            ExtensionDefaults.applyWebhookConfiguration(&value, mutating: false)
        case ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"):
            ExtensionDefaults.applyWebhookConfiguration(&value, mutating: true)
        case ("storage.k8s.io", "CSIDriver"): ExtensionDefaults.applyCSIDriver(&value)
        case ("networking.k8s.io", "IngressClass"): ExtensionDefaults.applyIngressClass(&value)
        case ("autoscaling", "HorizontalPodAutoscaler") where gvk.version == "v2":
            ClusterObjectDefaults.applyHorizontalPodAutoscaler(&value)
        default:
            if isCustom, case .found(let schema) = registry.lookup(gvk) {
                value = SchemaDefaults.apply(to: value, schema: schema)
            }
        }
        return KubeObject(value) ?? object
    }
}
