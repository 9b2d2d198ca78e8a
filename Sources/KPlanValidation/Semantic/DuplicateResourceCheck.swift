import KPlanCore

/// What identifies one object in the input set, and where its name is: all the duplicate check needs,
/// so the set can be checked without keeping every object's tree.
public struct ObjectIdentity: Sendable {
    /// Group, kind, namespace (empty when cluster-scoped) and name.
    public var key: ResourceKey
    /// Where `metadata.name` is.
    public var nameLocation: SourceLocation
    /// `Kind namespace/name`, for messages.
    public var displayName: String

    /// The identity of `resource`, or nil when it has no literal `metadata.name` (objects named only by
    /// `generateName` never collide). Namespaced kinds (and kinds of unknown scope) without a namespace
    /// are in `defaultNamespace`.
    public init?(_ resource: Resource, defaultNamespace: String, scope: ResourceScope?) {
        guard let nameNode = resource.node["metadata"]?["name"], let name = nameNode.string, !name.isEmpty
        else { return nil }
        let namespace: String
        switch scope {
        case .cluster: namespace = ""
        case .namespaced, nil: namespace = resource.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? defaultNamespace
        }
        key = ResourceKey(group: resource.gvk.group, kind: resource.gvk.kind, namespace: namespace, name: name)
        nameLocation = resource.location(of: nameNode)
        displayName = resource.displayName
    }
}

/// Two objects in the input with the same group, kind, namespace and name.
enum DuplicateResourceCheck {
    /// Reports every object whose identity an earlier one already has, pointing at its name with a note
    /// at the first.
    static func check(_ identities: [ObjectIdentity]) -> [Diagnostic] {
        var first: [ResourceKey: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for identity in identities {
            guard let firstLocation = first[identity.key] else {
                first[identity.key] = identity.nameLocation
                continue
            }
            diagnostics.append(
                Diagnostic(
                    .error, code: "semantic.duplicate-resource",
                    message: "\(identity.key) is defined more than once in the input (first at \(firstLocation.file):"
                        + "\(firstLocation.range.start.line))",
                    at: identity.nameLocation,
                    notes: [Diagnostic.Note("first defined here", at: firstLocation)],
                    object: identity.displayName))
        }
        return diagnostics
    }
}
