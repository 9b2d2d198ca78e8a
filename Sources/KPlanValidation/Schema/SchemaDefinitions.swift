import Foundation
import KPlanCore
import KPlanYAML

/// One Kubernetes version's built-in definitions, compiled lazily and thread-safely.
///
/// The first request for a definition compiles it and everything it references, under a lock, before
/// returning; later requests return the same objects.
final class SchemaDefinitions: @unchecked Sendable {
    /// Collects a version's index entries while the bundle is read.
    struct Builder {
        let version: String
        var bodyOfDefinition: [String: Int] = [:]
        var definitionOfKind: [GroupVersionKind: String] = [:]

        init(version: String) { self.version = version }

        mutating func add(name: String, body: Int, gvks: [GroupVersionKind]) {
            bodyOfDefinition[name] = body
            for gvk in gvks where definitionOfKind[gvk] == nil {
                definitionOfKind[gvk] = name
            }
        }

        func build(bodies: [UnsafeBufferPointer<UInt8>], clusterScoped: Set<GroupKind>) -> SchemaDefinitions {
            SchemaDefinitions(
                version: version, bodies: bodyOfDefinition.compactMapValues { $0 < bodies.count ? bodies[$0] : nil },
                definitionOfKind: definitionOfKind, clusterScoped: clusterScoped)
        }
    }

    /// The Kubernetes version (`1.37`).
    let version: String
    /// The definition that describes each kind's root object.
    let definitionOfKind: [GroupVersionKind: String]
    /// A built-in group and kind: its served versions and its scope, kept together so one hash of
    /// the kind finds both.
    struct Kind: Sendable {
        /// The served versions, preferred first.
        let versions: [String]
        /// Cluster-scoped when the bundle lists the kind, or lists the kind a `…List` kind holds.
        let scope: ResourceScope
    }

    /// Each built-in group and kind.
    let kinds: [GroupKind: Kind]
    /// The built-in groups and kinds by kind name, sorted by group: where else a kind is served.
    let groupKindsByKind: [String: [GroupKind]]
    private let bodies: [String: UnsafeBufferPointer<UInt8>]
    private let lock = NSLock()
    private var compiled: [String: Schema] = [:]
    /// Each kind's root schema once looked up, so a later lookup hashes the kind only; used under `lock`.
    private var compiledKinds: [GroupVersionKind: Schema] = [:]
    /// Shares identical inline schemas across this version's definitions; used under `lock`.
    private let interner = SchemaInterner()

    private init(
        version: String, bodies: [String: UnsafeBufferPointer<UInt8>], definitionOfKind: [GroupVersionKind: String],
        clusterScoped: Set<GroupKind>
    ) {
        self.version = version
        self.bodies = bodies
        self.definitionOfKind = definitionOfKind
        var versionsOfKind: [GroupKind: [String]] = [:]
        for gvk in definitionOfKind.keys {
            versionsOfKind[GroupKind(group: gvk.group, kind: gvk.kind), default: []].append(gvk.version)
        }
        var kinds: [GroupKind: Kind] = [:]
        kinds.reserveCapacity(versionsOfKind.count)
        for (groupKind, versions) in versionsOfKind {
            let listed = groupKind.kind.hasSuffix("List")
                && clusterScoped.contains(GroupKind(group: groupKind.group, kind: String(groupKind.kind.dropLast(4))))
            kinds[groupKind] = Kind(versions: versions.sorted(by: KubeVersion.isPreferred),
                                    scope: clusterScoped.contains(groupKind) || listed ? .cluster : .namespaced)
        }
        self.kinds = kinds
        groupKindsByKind = Dictionary(grouping: kinds.keys, by: \.kind).mapValues { $0.sorted { $0.group < $1.group } }
    }

    /// The names of all definitions.
    var definitionNames: [String] { bodies.keys.sorted() }

    /// The schema of the definition `name` (`io.k8s.api.core.v1.PodSpec`), nil when there is none.
    func schema(named name: String) -> Schema? {
        lock.lock()
        defer { lock.unlock() }
        return resolve(name)
    }

    /// The schema of a kind's root object.
    func schema(for gvk: GroupVersionKind) -> Schema? {
        lock.lock()
        defer { lock.unlock() }
        if let schema = compiledKinds[gvk] { return schema }
        guard let name = definitionOfKind[gvk], let schema = resolve(name) else { return nil }
        compiledKinds[gvk] = schema
        return schema
    }

    /// Compiles `name` and its references; the lock is held.
    private func resolve(_ name: String) -> Schema? {
        if let schema = compiled[name] { return schema }
        guard let body = bodies[name] else { return nil }
        let schema = Schema()
        schema.definitionName = name
        compiled[name] = schema
        guard let root = YAMLLoader.load(Array(body), file: name).documents.first?.root else { return schema }
        var compiler = SchemaCompiler()
        compiler.interner = interner
        compiler.resolveReference = { [unowned self] reference in
            self.resolve(String(reference.dropFirst(Self.referencePrefix.count)))
        }
        compiler.fill(schema, from: root)
        switch name {
        case "io.k8s.apimachinery.pkg.api.resource.Quantity":
            schema.special = .quantity
            schema.oneOf = []
        case "io.k8s.apimachinery.pkg.util.intstr.IntOrString":
            schema.special = .intOrString
            schema.oneOf = []
        default:
            break
        }
        return schema
    }

    private static let referencePrefix = "#/$defs/"
}
