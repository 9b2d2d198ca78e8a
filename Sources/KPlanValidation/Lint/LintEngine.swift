import KPlanCore

/// Runs the enabled lint rules over a set of resources and returns their findings as diagnostics.
///
/// Each finding becomes a ``Diagnostic`` with code `lint.<rule-id>`, the severity the configuration
/// gives the rule, the object's display name, and the rule's remediation as its last note.
///
/// ## Suppression
/// An object opts out of rules with the annotation `kplan.dev/ignore` on its own metadata, whose
/// value is a comma-separated list of rule ids or codes, or `all`:
///
/// ```yaml
/// metadata:
///   annotations:
///     kplan.dev/ignore: "latest-tag, lint.missing-liveness-probe"
/// ```
///
/// Findings of the listed rules about that object are dropped. Annotations on pod templates are not
/// read: the object's own metadata is the one place to look.
public struct LintEngine: Sendable {
    /// The annotation that suppresses rules on an object.
    public static let ignoreAnnotation = "kplan.dev/ignore"

    private struct ActiveRule: Sendable {
        let rule: any LintRule
        let id: String
        let code: String
        let severity: Severity
        let fix: Diagnostic.Note
    }

    /// The configuration the engine applies.
    public let configuration: LintConfiguration
    private let active: [ActiveRule]

    /// Creates an engine running the rules of `rules` that `configuration` enables.
    public init(configuration: LintConfiguration = LintConfiguration(), rules: [any LintRule] = LintRuleRegistry.all) {
        self.configuration = configuration
        self.active = rules.compactMap { rule in
            let description = rule.ruleDescription
            guard configuration.isEnabled(description) else { return nil }
            return ActiveRule(rule: rule, id: description.id, code: description.code,
                              severity: configuration.severity(of: description),
                              fix: Diagnostic.Note("fix: \(description.remediation)"))
        }
    }

    /// The ids of the rules that run, sorted.
    public var enabledRuleIDs: [String] { active.map(\.id).sorted() }

    /// The context the rules see for `resources`, built once; pass it to ``lint(_:in:)``.
    public func context(
        for resources: [Resource], defaultNamespace: String = "default",
        scope: @escaping @Sendable (GroupVersionKind) -> ResourceScope? = { _ in nil }
    ) -> LintContext {
        LintContext(resources: resources, defaultNamespace: defaultNamespace,
                    kubernetesVersion: configuration.kubernetesVersion, scope: scope)
    }

    /// Lints every resource against the whole set; the diagnostics are sorted.
    public func run(on resources: [Resource], defaultNamespace: String = "default") -> [Diagnostic] {
        let context = context(for: resources, defaultNamespace: defaultNamespace)
        return resources.flatMap { lint($0, in: context) }.sorted()
    }

    /// Lints one resource; safe to call concurrently for different resources with a shared context.
    public func lint(_ resource: Resource, in context: LintContext) -> [Diagnostic] {
        let suppressed = Self.suppressedRules(of: resource)
        if suppressed.contains("all") { return [] }
        var diagnostics: [Diagnostic] = []
        var findings: [LintFinding] = []
        for entry in active where !suppressed.contains(entry.id) {
            findings.removeAll(keepingCapacity: true)
            entry.rule.check(resource, in: context, into: &findings)
            for finding in findings {
                diagnostics.append(Diagnostic(
                    entry.severity, code: entry.code, message: finding.message,
                    at: SourceLocation(file: resource.file, range: finding.range),
                    notes: finding.notes + [entry.fix],
                    object: resource.displayName))
            }
        }
        return diagnostics
    }

    /// The rule ids (and possibly `all`) the object's `kplan.dev/ignore` annotation lists.
    static func suppressedRules(of resource: Resource) -> Set<String> {
        guard let value = resource.node[path: "metadata", "annotations", ignoreAnnotation]?.scalar?.text else { return [] }
        var ids: Set<String> = []
        for part in value.split(separator: ",") {
            let trimmed = lintTrimmed(part)
            ids.insert(trimmed.hasPrefix("lint.") ? String(trimmed.dropFirst(5)) : trimmed)
        }
        return ids
    }
}
