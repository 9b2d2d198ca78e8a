extension Array where Element == APIResource {
    /// The resource a user means by `name`, as kubectl resolves it: a kind, plural, singular or short
    /// name, case-insensitive, optionally qualified by group (`deployments.apps`) or by version and group
    /// (`deployments.v1.apps`). Core and `*.k8s.io` groups win over others when a name is ambiguous.
    public func resolve(_ name: String) -> APIResource? {
        let lowered = name.lowercased()
        let parts = lowered.split(separator: ".", maxSplits: 1).map(String.init)
        let base = parts[0]
        let qualifier = parts.count > 1 ? parts[1] : nil
        let candidates = filter { resource in
            let names = [resource.kind.lowercased(), resource.plural, resource.singular] + resource.shortNames
            guard names.contains(base) else { return false }
            guard let qualifier else { return true }
            let group = resource.group.lowercased()
            if qualifier == group { return true }
            return resource.versions.contains { qualifier == "\($0).\(group)" }
        }
        return candidates.min { lhs, rhs in
            (Self.rank(lhs.group), lhs.group) < (Self.rank(rhs.group), rhs.group)
        }
    }

    private static func rank(_ group: String) -> Int {
        if group.isEmpty { return 0 }
        if group.hasSuffix(".k8s.io") || !group.contains(".") { return 1 }
        return 2
    }
}
