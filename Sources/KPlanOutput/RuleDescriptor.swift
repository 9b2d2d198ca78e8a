import KPlanCore

/// What a diagnostic code means, for formats that describe their rules (SARIF's `tool.driver.rules`).
public struct RuleDescriptor: Hashable, Sendable {
    /// The stable diagnostic code the rule reports (`lint.latest-tag`).
    public var id: String
    /// A one-line description of what the rule checks.
    public var shortDescription: String
    /// The severity the rule reports at unless configured otherwise.
    public var defaultSeverity: Severity
    /// Longer guidance: why it matters and how to fix it; empty when there is none.
    public var help: String

    /// Creates a rule descriptor.
    public init(id: String, shortDescription: String, defaultSeverity: Severity, help: String = "") {
        self.id = id
        self.shortDescription = shortDescription
        self.defaultSeverity = defaultSeverity
        self.help = help
    }
}
