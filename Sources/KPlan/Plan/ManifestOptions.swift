/// Which manifests make the desired state, and how they are read.
public struct ManifestOptions: Sendable {
    /// Files and directories (`-` is standard input).
    public var paths: [String]
    /// Namespace for namespaced objects that name none (`-n`); when given, objects naming another
    /// namespace are refused, as kubectl refuses them.
    public var namespace: String?
    /// Extra CRD files or directories for validating custom resources.
    public var crdPaths: [String]
    /// Directory relative paths are read from (nil: the process's).
    public var workingDirectory: String?

    /// Creates manifest options.
    public init(paths: [String], namespace: String? = nil, crdPaths: [String] = [], workingDirectory: String? = nil) {
        self.paths = paths
        self.namespace = namespace
        self.crdPaths = crdPaths
        self.workingDirectory = workingDirectory
    }
}
