import KPlanCore

/// Schemas for one Kubernetes version: the built-in kinds from the embedded bundle, plus kinds
/// defined by CRDs added to it.
public struct SchemaRegistry: Sendable {
    /// The Kubernetes versions the embedded bundle covers, oldest first.
    public static let supportedVersions = ["1.35", "1.36", "1.37"]
    /// The version used when none is chosen.
    public static let defaultVersion = "1.37"

    /// The Kubernetes version (`1.37`).
    public let version: String
    private let definitions: SchemaDefinitions
    private var customKinds: [GroupKind: CompiledCRD] = [:]
    /// The same CRDs by group and list kind, so a scope lookup needs no scan over every CRD.
    private var customListKinds: [GroupKind: CompiledCRD] = [:]

    /// The registry of built-in kinds for `version` (`1.37`, `v1.37` or `1.37.2`).
    /// - Throws: `SchemaRegistryError.unsupportedVersion` when the bundle does not cover it.
    public static func builtin(version: String = defaultVersion) throws -> SchemaRegistry {
        var text = Substring(version)
        if text.hasPrefix("v") { text = text.dropFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let normalized = parts.count >= 2 ? "\(parts[0]).\(parts[1])" : String(text)
        let bundle = SchemaBundle.embedded
        guard let definitions = bundle.versions[normalized] else {
            throw SchemaRegistryError.unsupportedVersion(version, supported: supportedVersions)
        }
        return SchemaRegistry(version: normalized, definitions: definitions)
    }

    private init(version: String, definitions: SchemaDefinitions) {
        self.version = version
        self.definitions = definitions
    }

    /// The schema for a kind, or why there is none.
    public func lookup(_ gvk: GroupVersionKind) -> SchemaLookup {
        let groupKind = GroupKind(group: gvk.group, kind: gvk.kind)
        if !customKinds.isEmpty, let crd = customKinds[groupKind] {
            if let version = crd.versions.first(where: { $0.name == gvk.version && $0.served }) {
                return .found(version.schema)
            }
            return .unknownVersion(servedVersions: crd.servedVersions.map { "\(crd.group)/\($0)" })
        }
        if let schema = definitions.schema(for: gvk) { return .found(schema) }
        if let versions = definitions.kinds[groupKind]?.versions {
            return .unknownVersion(servedVersions: versions.map { apiVersion(group: gvk.group, version: $0) })
        }
        if Self.mayBeBuiltinGroup(gvk.group) {
            let elsewhere = gvk.kind.isEmpty ? [] : (definitions.groupKindsByKind[gvk.kind] ?? []).flatMap { groupKind in
                (definitions.kinds[groupKind]?.versions ?? []).map { apiVersion(group: groupKind.group, version: $0) }
            }
            if !elsewhere.isEmpty { return .unknownVersion(servedVersions: elsewhere) }
        }
        return .unknownKind
    }

    /// For a kind this registry does not know, the closest known kind of the same group ("Deploymnet" →
    /// apps/v1 Deployment), at its preferred served version; nil when nothing is close.
    public func suggestion(for gvk: GroupVersionKind) -> GroupVersionKind? {
        var versionsByKind: [String: [String]] = [:]
        for (groupKind, kind) in definitions.kinds where groupKind.group == gvk.group {
            versionsByKind[groupKind.kind] = kind.versions
        }
        for crd in customKinds.values where crd.group == gvk.group {
            versionsByKind[crd.kind] = crd.servedVersions
        }
        guard let kind = Suggestion.closest(to: gvk.kind, among: Array(versionsByKind.keys)),
              let version = versionsByKind[kind]?.first
        else { return nil }
        return GroupVersionKind(group: gvk.group, version: version, kind: kind)
    }

    /// The versions a built-in group and kind is served at (`["v1", "v1beta1"]`), empty when it is not built in.
    public func servedVersions(group: String, kind: String) -> [String] {
        definitions.kinds[GroupKind(group: group, kind: kind)]?.versions ?? []
    }

    /// Whether objects of a kind are namespaced or cluster-scoped; nil for a kind this registry does not know.
    public func scope(for gvk: GroupVersionKind) -> ResourceScope? {
        let groupKind = GroupKind(group: gvk.group, kind: gvk.kind)
        if !customKinds.isEmpty, let crd = customKinds[groupKind] { return crd.scope }
        if !customListKinds.isEmpty, let crd = customListKinds[groupKind] {
            return crd.scope
        }
        return definitions.kinds[groupKind]?.scope
    }

    /// This registry with the kinds the CRDs define added (a later CRD for the same group and kind wins).
    public func adding(crds: [CompiledCRD]) -> SchemaRegistry {
        var registry = self
        for crd in crds {
            registry.customKinds[GroupKind(group: crd.group, kind: crd.kind)] = crd
        }
        registry.customListKinds = Dictionary(
            registry.customKinds.values.map { (GroupKind(group: $0.group, kind: $0.listKind), $0) },
            uniquingKeysWith: { first, _ in first })
        return registry
    }

    /// The CRDs added to this registry, sorted by name.
    public var crds: [CompiledCRD] { customKinds.values.sorted { $0.name < $1.name } }

    /// Every built-in kind this version serves, sorted.
    public var builtinKinds: [GroupVersionKind] {
        definitions.definitionOfKind.keys.sorted { ($0.group, $0.version, $0.kind) < ($1.group, $1.version, $1.kind) }
    }

    /// The schema of a built-in definition by name (`io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`).
    public func definition(_ name: String) -> Schema? {
        definitions.schema(named: name)
    }

    /// The names of all built-in definitions, sorted.
    public var definitionNames: [String] { definitions.definitionNames }

    private func apiVersion(group: String, version: String) -> String {
        group.isEmpty ? version : "\(group)/\(version)"
    }

    /// Groups where a built-in kind might be meant: the core group, `extensions`, dotless and `*.k8s.io`.
    private static func mayBeBuiltinGroup(_ group: String) -> Bool {
        !group.contains(".") || group.hasSuffix(".k8s.io")
    }
}

/// Why a registry could not be made.
public enum SchemaRegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bundle has no schemas for this Kubernetes version.
    case unsupportedVersion(String, supported: [String])

    /// A message for users.
    public var description: String {
        switch self {
        case .unsupportedVersion(let version, let supported):
            "no schemas for Kubernetes \(version); supported versions: \(supported.joined(separator: ", "))"
        }
    }
}
