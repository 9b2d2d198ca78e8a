import KPlanCore

/// How `kplan lint` is configured: which rules run at which severity, which files are skipped, and the
/// Kubernetes version targeted. Read from `.kplan.yaml` by ``load(_:file:knownRuleIDs:)``.
///
/// A rule's enablement is decided by, in order: its entry under `rules`, its id in `disable` or
/// `enable`, `all` in `disable` or `enable`, and finally its default.
public struct LintConfiguration: Sendable {
    /// A rule's entry under `rules`: whether it runs and at which severity; nil keeps the default.
    public struct RuleSetting: Sendable, Hashable {
        /// Whether the rule runs.
        public var enabled: Bool?
        /// The severity its findings get.
        public var severity: Severity?

        /// Creates a setting.
        public init(enabled: Bool? = nil, severity: Severity? = nil) {
            self.enabled = enabled
            self.severity = severity
        }
    }

    /// Per-rule settings, by rule id.
    public var rules: [String: RuleSetting]
    /// Rule ids to enable (`all` enables every rule).
    public var enable: Set<String>
    /// Rule ids to disable (`all` disables every rule).
    public var disable: Set<String>
    /// Path patterns of files to skip, relative to ``baseDirectory`` (see ``isExcluded(path:)``).
    public var exclude: [String] {
        didSet { excludeGlobs = exclude.map(LintGlob.init) }
    }
    /// The directory exclusion patterns are relative to: the configuration file's directory.
    public var baseDirectory: String
    /// The Kubernetes version the manifests target; nil means the newest known.
    public var kubernetesVersion: LintKubernetesVersion?
    /// Whether objects without a known schema are accepted silently.
    public var ignoreMissingSchemas: Bool
    /// Whether documents that are not Kubernetes objects are skipped silently.
    public var skipNonKubernetes: Bool

    private var excludeGlobs: [LintGlob]

    /// Creates a configuration; the defaults run every rule enabled by default at its default severity.
    public init(
        rules: [String: RuleSetting] = [:], enable: Set<String> = [], disable: Set<String> = [],
        exclude: [String] = [], baseDirectory: String = ".", kubernetesVersion: LintKubernetesVersion? = nil,
        ignoreMissingSchemas: Bool = false, skipNonKubernetes: Bool = false
    ) {
        self.rules = rules
        self.enable = enable
        self.disable = disable
        self.exclude = exclude
        self.baseDirectory = baseDirectory
        self.kubernetesVersion = kubernetesVersion
        self.ignoreMissingSchemas = ignoreMissingSchemas
        self.skipNonKubernetes = skipNonKubernetes
        self.excludeGlobs = exclude.map(LintGlob.init)
    }

    /// Whether the rule runs under this configuration.
    public func isEnabled(_ rule: LintRuleDescription) -> Bool {
        if let enabled = rules[rule.id]?.enabled { return enabled }
        if disable.contains(rule.id) { return false }
        if enable.contains(rule.id) { return true }
        if disable.contains("all") { return false }
        if enable.contains("all") { return true }
        return rule.enabledByDefault
    }

    /// The severity the rule's findings get under this configuration.
    public func severity(of rule: LintRuleDescription) -> Severity {
        rules[rule.id]?.severity ?? rule.severity
    }

    /// Whether a file is excluded by an `exclude` pattern.
    ///
    /// `path` is as the user gave it, relative to the working directory or absolute. When it lies under
    /// ``baseDirectory`` it is matched relative to that directory, otherwise as given.
    public func isExcluded(path: String) -> Bool {
        guard !excludeGlobs.isEmpty else { return false }
        let relative = Self.relativePath(path, to: baseDirectory)
        return excludeGlobs.contains { $0.matches(relative) }
    }

    private static func relativePath(_ path: String, to base: String) -> String {
        let pathParts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let baseParts = base.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard path.hasPrefix("/") == base.hasPrefix("/") || baseParts.isEmpty,
              pathParts.count > baseParts.count, Array(pathParts.prefix(baseParts.count)) == baseParts
        else { return pathParts.joined(separator: "/") }
        return pathParts.dropFirst(baseParts.count).joined(separator: "/")
    }
}
