import KPlanCore

/// Two objects in the input with the same group, kind, namespace and name.
enum DuplicateResourceCheck {
    /// Reports every object whose identity an earlier one already has, pointing at its name with a note
    /// at the first. Objects without a literal `metadata.name` (only `generateName`) never collide.
    static func check(
        _ resources: [Resource], defaultNamespace: String, scope: (GroupVersionKind) -> ResourceScope?
    ) -> [Diagnostic] {
        var first: [ResourceKey: (resource: Resource, node: Node)] = [:]
        var diagnostics: [Diagnostic] = []
        for resource in resources {
            guard let nameNode = resource.node["metadata"]?["name"], let name = nameNode.string, !name.isEmpty
            else { continue }
            let namespace: String
            switch scope(resource.gvk) {
            case .cluster: namespace = ""
            case .namespaced, nil: namespace = resource.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? defaultNamespace
            }
            let key = ResourceKey(group: resource.gvk.group, kind: resource.gvk.kind, namespace: namespace, name: name)
            guard let previous = first[key] else {
                first[key] = (resource, nameNode)
                continue
            }
            let firstLocation = previous.resource.location(of: previous.node)
            diagnostics.append(
                Diagnostic(
                    .error, code: "semantic.duplicate-resource",
                    message: "\(key) is defined more than once in the input (first at \(firstLocation.file):"
                        + "\(firstLocation.range.start.line))",
                    at: resource.location(of: nameNode),
                    notes: [Diagnostic.Note("first defined here", at: firstLocation)],
                    object: resource.displayName))
        }
        return diagnostics
    }
}
