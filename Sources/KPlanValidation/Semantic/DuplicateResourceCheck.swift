import KPlanCore

/// What identifies one object in the input set, and where its name is: all the duplicate check needs,
/// so the set can be checked without keeping every object's tree.
public struct ObjectIdentity: Sendable {
    /// Group, kind, namespace (empty when cluster-scoped) and name.
    public var key: ResourceKey
    /// Where `metadata.name` is.
    public var nameLocation: SourceLocation

    /// The identity of `resource`, or nil when it has no literal `metadata.name` (objects named only by
    /// `generateName` never collide). Namespaced kinds (and kinds of unknown scope) without a namespace
    /// are in `defaultNamespace`. The resource is borrowed: an initializer otherwise takes its own copy.
    public init?(_ resource: borrowing Resource, defaultNamespace: String, scope: ResourceScope?) {
        guard let nameNode = resource.node["metadata"]?["name"], let name = nameNode.string, !name.isEmpty
        else { return nil }
        let namespace: String
        switch scope {
        case .cluster: namespace = ""
        case .namespaced, nil: namespace = resource.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? defaultNamespace
        }
        let interner = StringInterner.shared
        key = ResourceKey(group: interner.intern(resource.gvk.group), kind: interner.intern(resource.gvk.kind),
                          namespace: namespace, name: name)
        nameLocation = resource.location(of: nameNode)
    }

    /// `Kind namespace/name`, or `Kind name` when cluster-scoped.
    var displayName: String {
        key.namespace.isEmpty ? "\(key.kind) \(key.name)" : "\(key.kind) \(key.namespace)/\(key.name)"
    }
}

/// Two objects in the input with the same group, kind, namespace and name.
enum DuplicateResourceCheck {
    /// Reports every object whose identity an earlier one (earlier in `identities`) already has,
    /// pointing at its name with a note at the first.
    ///
    /// Sorts by identity and compares neighbours rather than building a table of every key: the input
    /// set can be large, and this needs little memory beyond the identities themselves.
    static func check(_ identities: [ObjectIdentity]) -> [Diagnostic] {
        // Sorted by hash first, so comparing whole keys (four strings) only happens on equal hashes.
        let hashes = identities.map(\.key.hashValue)
        let order = identities.indices.sorted {
            if hashes[$0] != hashes[$1] { return hashes[$0] < hashes[$1] }
            let left = identities[$0].key, right = identities[$1].key
            return left != right ? left < right : $0 < $1
        }
        var diagnostics: [Diagnostic] = []
        var first = 0
        for position in order.indices.dropFirst() {
            let current = identities[order[position]]
            if current.key != identities[order[first]].key {
                first = position
                continue
            }
            let firstLocation = identities[order[first]].nameLocation
            diagnostics.append(
                Diagnostic(
                    .error, code: "semantic.duplicate-resource",
                    message: "\(current.key) is defined more than once in the input (first at \(firstLocation.file):"
                        + "\(firstLocation.range.start.line))",
                    at: current.nameLocation,
                    notes: [Diagnostic.Note("first defined here", at: firstLocation)],
                    object: current.displayName))
        }
        return diagnostics
    }
}
