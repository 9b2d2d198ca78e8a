/// Everything `kplan lint` can be asked to do; the command-line flags map onto these fields one to one.
public struct LintOptions: Sendable, Decodable {
    /// Files and directories to lint; `-` is standard input.
    public var paths: [String]
    /// Kubernetes version whose built-in schemas apply (`1.35`, `1.36`, `1.37`); nil takes the
    /// configuration file's, else 1.37.
    public var kubernetesVersion: String?
    /// Extra files or directories holding CustomResourceDefinitions.
    public var crdPaths: [String]
    /// Report custom resources without a known schema as warnings instead of errors.
    public var ignoreMissingSchemas: Bool
    /// Skip documents without `apiVersion`/`kind` instead of reporting them.
    public var skipNonKubernetes: Bool
    /// Namespace assumed for namespaced objects that name none.
    public var defaultNamespace: String
    /// Configuration file; nil looks for `.kplan.yaml` from the working directory upwards.
    public var configPath: String?
    /// Ignore any configuration file.
    public var noConfig: Bool
    /// Rules to enable on top of the configuration.
    public var enableRules: [String]
    /// Rules to disable on top of the configuration.
    public var disableRules: [String]
    /// Files checked at once: 0 uses every core, 1 checks one file at a time.
    public var jobs: Int
    /// Keep a record of every resource for reports that list objects (JUnit); off saves memory.
    public var collectObjects: Bool
    /// Keep every resource as a JSON object (for `plan`/`apply`, which need the whole objects).
    public var keepObjects: Bool
    /// Directory that relative paths are read from (nil: the process's working directory). Paths are
    /// still shown as given.
    public var workingDirectory: String?

    /// Creates options; every field has the command line's default.
    public init(
        paths: [String] = [], kubernetesVersion: String? = nil, crdPaths: [String] = [],
        ignoreMissingSchemas: Bool = false, skipNonKubernetes: Bool = false, defaultNamespace: String = "default",
        configPath: String? = nil, noConfig: Bool = false, enableRules: [String] = [], disableRules: [String] = [],
        jobs: Int = 0, collectObjects: Bool = false, keepObjects: Bool = false, workingDirectory: String? = nil
    ) {
        self.keepObjects = keepObjects
        self.jobs = jobs
        self.collectObjects = collectObjects
        self.paths = paths
        self.kubernetesVersion = kubernetesVersion
        self.crdPaths = crdPaths
        self.ignoreMissingSchemas = ignoreMissingSchemas
        self.skipNonKubernetes = skipNonKubernetes
        self.defaultNamespace = defaultNamespace
        self.configPath = configPath
        self.noConfig = noConfig
        self.enableRules = enableRules
        self.disableRules = disableRules
        self.workingDirectory = workingDirectory
    }

    private enum CodingKeys: String, CodingKey {
        case paths, kubernetesVersion, crdPaths, ignoreMissingSchemas, skipNonKubernetes, defaultNamespace
        case configPath, noConfig, enableRules, disableRules, jobs, collectObjects, workingDirectory
    }

    /// Decodes options where every key is optional (used by golden test cases' `options.json`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            paths: try c.decodeIfPresent([String].self, forKey: .paths) ?? [],
            kubernetesVersion: try c.decodeIfPresent(String.self, forKey: .kubernetesVersion),
            crdPaths: try c.decodeIfPresent([String].self, forKey: .crdPaths) ?? [],
            ignoreMissingSchemas: try c.decodeIfPresent(Bool.self, forKey: .ignoreMissingSchemas) ?? false,
            skipNonKubernetes: try c.decodeIfPresent(Bool.self, forKey: .skipNonKubernetes) ?? false,
            defaultNamespace: try c.decodeIfPresent(String.self, forKey: .defaultNamespace) ?? "default",
            configPath: try c.decodeIfPresent(String.self, forKey: .configPath),
            noConfig: try c.decodeIfPresent(Bool.self, forKey: .noConfig) ?? false,
            enableRules: try c.decodeIfPresent([String].self, forKey: .enableRules) ?? [],
            disableRules: try c.decodeIfPresent([String].self, forKey: .disableRules) ?? [],
            jobs: try c.decodeIfPresent(Int.self, forKey: .jobs) ?? 0,
            collectObjects: try c.decodeIfPresent(Bool.self, forKey: .collectObjects) ?? false,
            workingDirectory: try c.decodeIfPresent(String.self, forKey: .workingDirectory))
    }
}
