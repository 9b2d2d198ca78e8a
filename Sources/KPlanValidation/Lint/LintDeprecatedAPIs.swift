import KPlanCore

/// Deprecated and removed Kubernetes API versions, from the Kubernetes deprecated API migration guide.
enum LintDeprecatedAPIs {
    /// One deprecated API: an `apiVersion` (for some kinds or all), when it was deprecated and removed,
    /// and what replaces it.
    struct Entry: Sendable {
        /// The deprecated `apiVersion`.
        let apiVersion: String
        /// The kinds concerned; empty means every kind of the group version.
        let kinds: Set<String>
        /// The release that deprecated it.
        let deprecatedIn: LintKubernetesVersion
        /// The release that stopped serving it.
        let removedIn: LintKubernetesVersion
        /// The `apiVersion` to use instead, nil when the API is gone without a replacement.
        let replacement: String?
    }

    private static func v(_ minor: Int) -> LintKubernetesVersion { LintKubernetesVersion(major: 1, minor: minor) }

    private static func entry(
        _ apiVersion: String, _ kinds: Set<String>, deprecated: Int, removed: Int, use replacement: String?
    ) -> Entry {
        Entry(apiVersion: apiVersion, kinds: kinds, deprecatedIn: v(deprecated), removedIn: v(removed),
              replacement: replacement)
    }

    /// The table.
    static let entries: [Entry] = [
        entry("extensions/v1beta1", ["Deployment", "DaemonSet", "ReplicaSet"], deprecated: 9, removed: 16, use: "apps/v1"),
        entry("extensions/v1beta1", ["NetworkPolicy"], deprecated: 9, removed: 16, use: "networking.k8s.io/v1"),
        entry("extensions/v1beta1", ["PodSecurityPolicy"], deprecated: 10, removed: 16, use: "policy/v1beta1"),
        entry("extensions/v1beta1", ["Ingress"], deprecated: 14, removed: 22, use: "networking.k8s.io/v1"),
        entry("apps/v1beta1", [], deprecated: 9, removed: 16, use: "apps/v1"),
        entry("apps/v1beta2", [], deprecated: 9, removed: 16, use: "apps/v1"),
        entry("networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], deprecated: 19, removed: 22,
              use: "networking.k8s.io/v1"),
        entry("admissionregistration.k8s.io/v1beta1", [], deprecated: 16, removed: 22,
              use: "admissionregistration.k8s.io/v1"),
        entry("apiextensions.k8s.io/v1beta1", [], deprecated: 16, removed: 22, use: "apiextensions.k8s.io/v1"),
        entry("apiregistration.k8s.io/v1beta1", [], deprecated: 19, removed: 22, use: "apiregistration.k8s.io/v1"),
        entry("authentication.k8s.io/v1beta1", [], deprecated: 19, removed: 22, use: "authentication.k8s.io/v1"),
        entry("authorization.k8s.io/v1beta1", [], deprecated: 19, removed: 22, use: "authorization.k8s.io/v1"),
        entry("certificates.k8s.io/v1beta1", [], deprecated: 19, removed: 22, use: "certificates.k8s.io/v1"),
        entry("coordination.k8s.io/v1beta1", [], deprecated: 14, removed: 22, use: "coordination.k8s.io/v1"),
        entry("rbac.authorization.k8s.io/v1beta1", [], deprecated: 17, removed: 22, use: "rbac.authorization.k8s.io/v1"),
        entry("rbac.authorization.k8s.io/v1alpha1", [], deprecated: 17, removed: 22, use: "rbac.authorization.k8s.io/v1"),
        entry("scheduling.k8s.io/v1beta1", [], deprecated: 14, removed: 22, use: "scheduling.k8s.io/v1"),
        entry("storage.k8s.io/v1beta1", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"],
              deprecated: 19, removed: 22, use: "storage.k8s.io/v1"),
        entry("batch/v1beta1", ["CronJob"], deprecated: 21, removed: 25, use: "batch/v1"),
        entry("discovery.k8s.io/v1beta1", ["EndpointSlice"], deprecated: 21, removed: 25, use: "discovery.k8s.io/v1"),
        entry("events.k8s.io/v1beta1", ["Event"], deprecated: 19, removed: 25, use: "events.k8s.io/v1"),
        entry("autoscaling/v2beta1", ["HorizontalPodAutoscaler"], deprecated: 23, removed: 25, use: "autoscaling/v2"),
        entry("policy/v1beta1", ["PodDisruptionBudget"], deprecated: 21, removed: 25, use: "policy/v1"),
        entry("policy/v1beta1", ["PodSecurityPolicy"], deprecated: 21, removed: 25, use: nil),
        entry("node.k8s.io/v1beta1", ["RuntimeClass"], deprecated: 20, removed: 25, use: "node.k8s.io/v1"),
        entry("autoscaling/v2beta2", ["HorizontalPodAutoscaler"], deprecated: 23, removed: 26, use: "autoscaling/v2"),
        entry("flowcontrol.apiserver.k8s.io/v1beta1", [], deprecated: 23, removed: 26,
              use: "flowcontrol.apiserver.k8s.io/v1"),
        entry("storage.k8s.io/v1beta1", ["CSIStorageCapacity"], deprecated: 24, removed: 27, use: "storage.k8s.io/v1"),
        entry("flowcontrol.apiserver.k8s.io/v1beta2", [], deprecated: 26, removed: 29,
              use: "flowcontrol.apiserver.k8s.io/v1"),
        entry("flowcontrol.apiserver.k8s.io/v1beta3", [], deprecated: 29, removed: 32,
              use: "flowcontrol.apiserver.k8s.io/v1"),
    ]

    /// The versions (`v1beta1`, …) the table names, so most objects are passed over without a lookup.
    static let versions: Set<String> = Set(entries.map { GroupVersionKind(apiVersion: $0.apiVersion, kind: "").version })

    /// The entry for an `apiVersion` and kind, if that API is deprecated.
    static func entry(apiVersion: String, kind: String) -> Entry? {
        entries.first { $0.apiVersion == apiVersion && ($0.kinds.isEmpty || $0.kinds.contains(kind)) }
    }
}
