/// Why a lint run could not start at all (reported as a usage error, exit status 64).
public enum LintError: Error, Sendable, CustomStringConvertible {
    /// The requested Kubernetes version has no embedded schemas.
    case unsupportedKubernetesVersion(String, supported: [String])

    public var description: String {
        switch self {
        case .unsupportedKubernetesVersion(let version, let supported):
            "Kubernetes version \(version) is not supported; choose one of \(supported.joined(separator: ", "))"
        }
    }
}
