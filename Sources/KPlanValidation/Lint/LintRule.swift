import KPlanCore

/// A best-practice check run by `kplan lint` on every object of the input.
///
/// A rule describes itself (``LintRuleDescription``: id, default severity, description, remediation and
/// examples). Its check is a ``LintObjectRule`` (one object on its own, while its tree is in memory), a
/// ``LintSetRule`` (one object's ``LintObjectFacts`` against the facts of the whole input), or both.
/// Rules are stateless values, so the engine may lint resources in parallel.
public protocol LintRule: Sendable {
    /// What the rule checks, how serious it is by default, and the examples that test it.
    static var description: LintRuleDescription { get }
}

extension LintRule {
    /// The rule's description, reachable from an existential.
    public var ruleDescription: LintRuleDescription { Self.description }

    /// The rule's stable id.
    public var id: String { Self.description.id }

    /// Appends a finding to `findings` for each problem the rule sees in `resource`, judged against the
    /// whole input `context` describes (ignoring enablement and suppression).
    public func check(_ resource: Resource, in context: LintContext, into findings: inout [LintFinding]) {
        let pod = LintPodTemplate(resource)
        if let rule = self as? any LintObjectRule {
            rule.check(LintSubject(resource: resource, pod: pod, context: context.objectContext), into: &findings)
        }
        if let rule = self as? any LintSetRule,
           let facts = LintObjectFacts(resource, pod: pod, suppressed: [], in: context.objectContext,
                                       roles: type(of: rule).roles) {
            rule.check(facts, in: context.facts, into: &findings)
        }
    }
}

/// A rule that judges one object on its own.
protocol LintObjectRule: LintRule {
    /// Appends a finding to `findings` for each problem the rule sees in the subject.
    func check(_ subject: LintSubject, into findings: inout [LintFinding])
}

/// A rule that judges one object against the rest of the input, from facts alone.
protocol LintSetRule: LintRule {
    /// The kinds of object whose facts the rule reads (its subjects and the objects it looks up).
    static var roles: Set<LintFactRole> { get }

    /// Appends a finding to `findings` for each problem the rule sees in `facts` given `set`.
    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding])
}

/// A rule's self-description: identity, defaults, user-facing text and examples.
///
/// The examples are small YAML streams. In a triggering example, each `↓` marks the position a finding
/// must start at (the marker is removed before parsing); a non-triggering example must produce nothing.
/// A test runs every rule on every example, so the examples are the rule's specification.
public struct LintRuleDescription: Sendable {
    /// The stable kebab-case id (`latest-tag`); the diagnostic code is `lint.<id>`.
    public var id: String
    /// The severity findings get unless the configuration overrides it.
    public var severity: Severity
    /// Whether the rule runs without being enabled in the configuration.
    public var enabledByDefault: Bool
    /// One sentence saying what the rule reports (shown in SARIF and the README).
    public var summary: String
    /// One sentence saying how to fix a finding.
    public var remediation: String
    /// Inputs the rule must report, with `↓` before each node a finding points at.
    public var triggeringExamples: [String]
    /// Inputs the rule must accept silently.
    public var nonTriggeringExamples: [String]

    /// Creates a description.
    public init(
        id: String, severity: Severity, enabledByDefault: Bool = true, summary: String, remediation: String,
        triggeringExamples: [String], nonTriggeringExamples: [String]
    ) {
        self.id = id
        self.severity = severity
        self.enabledByDefault = enabledByDefault
        self.summary = summary
        self.remediation = remediation
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }

    /// The diagnostic code of the rule's findings (`lint.latest-tag`).
    public var code: String { "lint.\(id)" }
}

/// One problem a rule found: a message and the source range of the node it is about.
///
/// The engine turns findings into ``Diagnostic`` values, adding the rule's code and severity, the file
/// and the object's display name.
public struct LintFinding: Sendable, Hashable {
    /// A one-line message naming the offending thing (`container "web" …`).
    public var message: String
    /// The range of the node the finding points at, in the resource's file.
    public var range: SourceRange
    /// Further context, possibly in other files (the object a reference fails to find, …).
    public var notes: [Diagnostic.Note]

    /// Creates a finding pointing at `node`.
    public init(_ message: String, at node: Node, notes: [Diagnostic.Note] = []) {
        self.init(message, at: node.range, notes: notes)
    }

    /// Creates a finding pointing at a range kept in facts.
    init(_ message: String, at range: LintRange, notes: [Diagnostic.Note] = []) {
        self.init(message, at: range.source, notes: notes)
    }

    /// Creates a finding pointing at `range`.
    public init(_ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []) {
        self.message = message
        self.range = range
        self.notes = notes
    }
}
