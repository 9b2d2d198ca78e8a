/// Kubernetes API version names (`v1`, `v2beta1`, `v1alpha3`) and their priority.
public enum KubeVersion {
    /// Whether `lhs` is preferred over `rhs`: GA before beta before alpha, then higher numbers first.
    public static func isPreferred(_ lhs: String, _ rhs: String) -> Bool {
        let a = parse(lhs)
        let b = parse(rhs)
        if a.stage != b.stage { return a.stage > b.stage }
        if a.major != b.major { return a.major > b.major }
        if a.minor != b.minor { return a.minor > b.minor }
        return lhs < rhs
    }

    private static func parse(_ version: String) -> (stage: Int, major: Int, minor: Int) {
        guard version.hasPrefix("v") else { return (-1, 0, 0) }
        let rest = version.dropFirst()
        let majorText = rest.prefix { $0.isNumber }
        guard let major = Int(majorText) else { return (-1, 0, 0) }
        let tail = rest.dropFirst(majorText.count)
        if tail.isEmpty { return (3, major, 0) }
        for (prefix, stage) in [("beta", 2), ("alpha", 1)] where tail.hasPrefix(prefix) {
            if let minor = Int(tail.dropFirst(prefix.count)) { return (stage, major, minor) }
        }
        return (-1, major, 0)
    }
}
