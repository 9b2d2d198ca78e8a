/// A Kubernetes minor release (`1.29`), the version manifests are meant for.
public struct LintKubernetesVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The major version (always 1 so far).
    public var major: Int
    /// The minor version.
    public var minor: Int

    /// Creates a version from its numbers.
    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `1.29`, `v1.29`, `1.29.3` or `v1.29.3-eks.1`; the patch and anything after are ignored.
    public init?(_ text: String) {
        var rest = Substring(text)
        if rest.first == "v" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0 else {
            return nil
        }
        if parts.count == 3 {
            let patch = parts[2].prefix { $0.isNumber }
            guard !patch.isEmpty else { return nil }
        }
        self.init(major: major, minor: minor)
    }

    /// Orders by major, then minor version.
    public static func < (lhs: LintKubernetesVersion, rhs: LintKubernetesVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// `major.minor`, as in `1.29`.
    public var description: String { "\(major).\(minor)" }
}
