import KPlanCore

/// A CustomResourceDefinition compiled for validation: its names, scope and per-version schemas.
public struct CompiledCRD: Sendable {
    /// One version the CRD declares.
    public struct Version: Sendable {
        /// The version name (`v1alpha1`).
        public var name: String
        /// Whether the API server serves it.
        public var served: Bool
        /// Whether objects are stored at this version.
        public var storage: Bool
        /// The compiled schema of the custom resource at this version.
        public var schema: Schema

        /// Creates a version.
        public init(name: String, served: Bool, storage: Bool, schema: Schema) {
            self.name = name
            self.served = served
            self.storage = storage
            self.schema = schema
        }
    }

    /// The CRD's `metadata.name` (`certificates.cert-manager.io`).
    public var name: String
    /// The API group (`cert-manager.io`).
    public var group: String
    /// The kind (`Certificate`).
    public var kind: String
    /// The list kind (`CertificateList`).
    public var listKind: String
    /// The plural resource name (`certificates`).
    public var plural: String
    /// The singular resource name (`certificate`).
    public var singular: String
    /// Short names (`cert`, `certs`).
    public var shortNames: [String]
    /// Categories (`all`).
    public var categories: [String]
    /// Whether custom resources are namespaced or cluster-scoped.
    public var scope: ResourceScope
    /// The declared versions, in the CRD's order.
    public var versions: [Version]

    /// Creates a compiled CRD.
    public init(
        name: String, group: String, kind: String, listKind: String, plural: String, singular: String,
        shortNames: [String], categories: [String], scope: ResourceScope, versions: [Version]
    ) {
        self.name = name
        self.group = group
        self.kind = kind
        self.listKind = listKind
        self.plural = plural
        self.singular = singular
        self.shortNames = shortNames
        self.categories = categories
        self.scope = scope
        self.versions = versions
    }

    /// The served versions' names, preferred first.
    public var servedVersions: [String] {
        versions.filter(\.served).map(\.name).sorted(by: KubeVersion.isPreferred)
    }
}
