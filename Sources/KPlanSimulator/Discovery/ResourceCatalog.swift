import KPlanCore
import KPlanValidation

/// API discovery for the simulated cluster: every built-in kind of the schema bundle that the API
/// server stores, with the resource names kubectl knows it by, plus the kinds of stored CRDs.
public struct ResourceCatalog: Sendable {
    /// The discovery entries, sorted by group then kind.
    public let resources: [APIResource]
    /// The entries by group and kind.
    private let byGroupKind: [GroupKind: APIResource]

    /// The built-in kinds of `registry`'s Kubernetes version, and those `crds` define.
    public init(registry: SchemaRegistry, crds: [CompiledCRD] = []) {
        var byGroupKind: [GroupKind: APIResource] = [:]
        for gvk in registry.builtinKinds where Self.isStoredKind(gvk.kind) {
            let id = GroupKind(group: gvk.group, kind: gvk.kind)
            guard byGroupKind[id] == nil, let scope = registry.scope(for: gvk) else { continue }
            let plural = Self.pluralNames[gvk.kind] ?? Self.guessPlural(gvk.kind)
            byGroupKind[id] = APIResource(
                group: gvk.group, versions: registry.servedVersions(group: gvk.group, kind: gvk.kind), kind: gvk.kind,
                plural: plural, singular: gvk.kind.lowercased(),
                shortNames: Self.shortNames[gvk.group + "/" + plural] ?? [], scope: scope)
        }
        for crd in crds {
            let versions = crd.versions.filter(\.served).map(\.name).sorted(by: KubeVersion.isPreferred)
            byGroupKind[GroupKind(group: crd.group, kind: crd.kind)] = APIResource(
                group: crd.group, versions: versions, kind: crd.kind, plural: crd.plural,
                singular: crd.singular.isEmpty ? crd.kind.lowercased() : crd.singular, shortNames: crd.shortNames,
                scope: crd.scope)
        }
        resources = byGroupKind.values.sorted { ($0.group, $0.kind) < ($1.group, $1.kind) }
        self.byGroupKind = byGroupKind
    }

    /// The entry for a group and kind.
    public func resource(group: String, kind: String) -> APIResource? {
        byGroupKind[GroupKind(group: group, kind: kind)]
    }

    /// Kinds in the schemas that are not stored objects: lists, options, reviews, subresources.
    private static func isStoredKind(_ kind: String) -> Bool {
        !kind.hasSuffix("List") && !notStored.contains(kind)
    }

    private static let notStored: Set<String> = [
        "APIGroup", "APIResourceList", "APIVersions", "Binding", "DeleteOptions", "Eviction",
        "LocalSubjectAccessReview", "Scale", "SelfSubjectAccessReview", "SelfSubjectReview",
        "SelfSubjectRulesReview", "Status", "SubjectAccessReview", "TokenRequest", "TokenReview", "WatchEvent",
    ]

    /// Kubernetes' guess from kind to resource name (`meta.UnsafeGuessKindToResource`).
    static func guessPlural(_ kind: String) -> String {
        let lower = kind.lowercased()
        if lower.hasSuffix("s") { return lower + "es" }
        if lower.hasSuffix("y"), let last = lower.dropLast().last, !"aeiou".contains(last) {
            return lower.dropLast() + "ies"
        }
        return lower + "s"
    }

    /// Resource names the guess gets wrong.
    private static let pluralNames: [String: String] = ["Endpoints": "endpoints"]

    /// kubectl's short names (`kubectl api-resources`, Kubernetes 1.37), by `group/plural`.
    private static let shortNames: [String: [String]] = [
        "/configmaps": ["cm"], "/endpoints": ["ep"], "/events": ["ev"], "/limitranges": ["limits"],
        "/namespaces": ["ns"], "/nodes": ["no"], "/persistentvolumeclaims": ["pvc"],
        "/persistentvolumes": ["pv"], "/pods": ["po"], "/replicationcontrollers": ["rc"],
        "/resourcequotas": ["quota"], "/serviceaccounts": ["sa"], "/services": ["svc"],
        "apiextensions.k8s.io/customresourcedefinitions": ["crd", "crds"], "apps/daemonsets": ["ds"],
        "apps/deployments": ["deploy"], "apps/replicasets": ["rs"], "apps/statefulsets": ["sts"],
        "autoscaling/horizontalpodautoscalers": ["hpa"], "batch/cronjobs": ["cj"],
        "certificates.k8s.io/certificatesigningrequests": ["csr"], "events.k8s.io/events": ["ev"],
        "networking.k8s.io/ingresses": ["ing"], "networking.k8s.io/networkpolicies": ["netpol"],
        "policy/poddisruptionbudgets": ["pdb"], "scheduling.k8s.io/priorityclasses": ["pc"],
        "storage.k8s.io/storageclasses": ["sc"],
    ]
}
