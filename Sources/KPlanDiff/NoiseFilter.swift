import KPlanCore

/// Removes from an object what a plan never shows as a change: fields the server owns or that
/// record bookkeeping rather than intent.
public enum NoiseFilter {
    /// The paths removed, as object keys from the root:
    /// - `status`: written by controllers, not by apply;
    /// - `metadata.managedFields`: server-side apply's ownership record;
    /// - `metadata.resourceVersion`, `generation`, `uid`, `creationTimestamp`, `selfLink`: set by
    ///   the server on every write or once at creation;
    /// - the `kubectl.kubernetes.io/last-applied-configuration` annotation: a copy of the last
    ///   client-side apply.
    ///
    /// A `metadata.annotations` or `metadata.labels` map left empty by the removal goes too.
    public static let ignoredPaths: [[String]] = [
        ["status"],
        ["metadata", "managedFields"],
        ["metadata", "resourceVersion"],
        ["metadata", "generation"],
        ["metadata", "uid"],
        ["metadata", "creationTimestamp"],
        ["metadata", "selfLink"],
        ["metadata", "annotations", lastAppliedAnnotation],
    ]

    /// The annotation client-side `kubectl apply` keeps its last request in.
    public static let lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration"

    /// `object` without the ignored paths.
    public static func strip(_ object: KubeObject) -> KubeObject {
        KubeObject(strip(object.value)) ?? object
    }

    /// `value` without the ignored paths (unchanged when it is not an object), in one walk down the
    /// paths: each object on them is looked up once and written back only when something goes.
    public static func strip(_ value: JSONValue) -> JSONValue {
        guard case .object(var members) = value else { return value }
        return removeIgnored(removals, from: &members, depth: 1) ? .object(members) : value
    }

    /// The ignored paths as a tree: at each key, either the whole member goes or some of its members.
    private indirect enum Removal {
        case member
        case below([String: Removal])
    }

    private static let removals: [String: Removal] = {
        func tree(_ paths: [ArraySlice<String>]) -> [String: Removal] {
            Dictionary(grouping: paths.filter { !$0.isEmpty }, by: { $0.first! }).mapValues { group in
                group.contains { $0.count == 1 } ? .member : .below(tree(group.map { $0.dropFirst() }))
            }
        }
        return tree(ignoredPaths.map { $0[...] })
    }()

    /// Removes `removals` from `members`, an object at `depth` (the root's members are at 1);
    /// whether anything went. An object at depth 2 (`metadata.annotations`) left empty goes too.
    private static func removeIgnored(_ removals: [String: Removal], from members: inout [String: JSONValue], depth: Int) -> Bool {
        var removed = false
        for (key, removal) in removals {
            switch removal {
            case .member:
                if members.removeValue(forKey: key) != nil { removed = true }
            case .below(let inner):
                guard case .object(var child)? = members[key], removeIgnored(inner, from: &child, depth: depth + 1) else { continue }
                members[key] = depth == 2 && child.isEmpty ? nil : .object(child)
                removed = true
            }
        }
        return removed
    }
}
