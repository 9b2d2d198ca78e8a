import KPlanCore

/// Runs the enabled lint rules over a set of resources and returns their findings as diagnostics.
///
/// Each finding becomes a ``Diagnostic`` with code `lint.<rule-id>`, the severity the configuration
/// gives the rule, the object's display name, and the rule's remediation as its last note.
///
/// ## Streaming
/// Per-object rules need only the object; cross-object rules need every object, but only a few facts
/// of each. So a caller that cannot keep every YAML tree lints each resource while it is loaded and
/// keeps its facts, then checks the facts once the input is read:
///
/// ```swift
/// let context = engine.objectContext(defaultNamespace: "default") { registry.scope(for: $0) }
/// var facts: [LintObjectFacts] = []
/// for resource in loadedOneAtATime {
///     let linted = engine.lintObjectAndFacts(resource, in: context)
///     report(linted.diagnostics)
///     if let fact = linted.facts { facts.append(fact) }
/// }
/// report(engine.lintSet(facts))
/// ```
///
/// ``run(on:defaultNamespace:)`` does exactly this over an array.
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

    /// What the diagnostics of an enabled rule carry.
    private struct Active: Sendable {
        let id: String
        let code: String
        let severity: Severity
        let fix: Diagnostic.Note

        func diagnostic(_ finding: LintFinding, file: String, object: String) -> Diagnostic {
            Diagnostic(severity, code: code, message: finding.message,
                       at: SourceLocation(file: file, range: finding.range),
                       notes: finding.notes + [fix], object: object)
        }
    }

    /// The configuration the engine applies.
    public let configuration: LintConfiguration
    /// The enabled per-object rules, and beside them (same index) what their diagnostics carry; kept
    /// apart so the loop over rules copies no strings.
    private let objectRules: [any LintObjectRule]
    private let objectRuleInfo: [Active]
    /// The enabled cross-object rules, and what their diagnostics carry.
    private let setRules: [any LintSetRule]
    private let setRuleInfo: [Active]
    /// The kinds of object the enabled cross-object rules read.
    private let roles: Set<LintFactRole>

    /// Creates an engine running the rules of `rules` that `configuration` enables.
    public init(configuration: LintConfiguration = LintConfiguration(), rules: [any LintRule] = LintRuleRegistry.all) {
        self.configuration = configuration
        var objectRules: [any LintObjectRule] = []
        var objectRuleInfo: [Active] = []
        var setRules: [any LintSetRule] = []
        var setRuleInfo: [Active] = []
        var roles: Set<LintFactRole> = []
        for rule in rules {
            let description = rule.ruleDescription
            guard configuration.isEnabled(description) else { continue }
            let info = Active(id: description.id, code: description.code, severity: configuration.severity(of: description),
                              fix: Diagnostic.Note("fix: \(description.remediation)"))
            if let rule = rule as? any LintObjectRule {
                objectRules.append(rule)
                objectRuleInfo.append(info)
            }
            if let rule = rule as? any LintSetRule {
                setRules.append(rule)
                setRuleInfo.append(info)
                roles.formUnion(type(of: rule).roles)
            }
        }
        self.objectRules = objectRules
        self.objectRuleInfo = objectRuleInfo
        self.setRules = setRules
        self.setRuleInfo = setRuleInfo
        self.roles = roles
    }

    /// The ids of the rules that run, sorted.
    public var enabledRuleIDs: [String] { Set(objectRuleInfo.map(\.id) + setRuleInfo.map(\.id)).sorted() }

    /// The context per-object linting needs, built once; pass it to ``lintObject(_:in:)`` and ``facts(of:in:)``.
    public func objectContext(
        defaultNamespace: String = "default",
        scope: @escaping @Sendable (GroupVersionKind) -> ResourceScope? = { _ in nil }
    ) -> LintObjectContext {
        LintObjectContext(defaultNamespace: defaultNamespace, kubernetesVersion: configuration.kubernetesVersion,
                          scope: scope)
    }

    /// The context the rules see for `resources`, built once; pass it to ``lint(_:in:)``.
    public func context(
        for resources: [Resource], defaultNamespace: String = "default",
        scope: @escaping @Sendable (GroupVersionKind) -> ResourceScope? = { _ in nil }
    ) -> LintContext {
        LintContext(resources: resources, objectContext: objectContext(defaultNamespace: defaultNamespace, scope: scope))
    }

    /// Lints every resource against the whole set; the diagnostics are sorted.
    ///
    /// The same as ``lintObject(_:in:)`` on each resource plus ``lintSet(_:)`` over their facts.
    public func run(on resources: [Resource], defaultNamespace: String = "default") -> [Diagnostic] {
        let context = objectContext(defaultNamespace: defaultNamespace)
        var diagnostics: [Diagnostic] = []
        var facts: [LintObjectFacts] = []
        for resource in resources {
            let linted = lintObjectAndFacts(resource, in: context)
            diagnostics += linted.diagnostics
            if let fact = linted.facts { facts.append(fact) }
        }
        return (diagnostics + lintSet(facts)).sorted()
    }

    /// Lints one resource against a whole-set context: its per-object findings and its cross-object
    /// ones; safe to call concurrently for different resources with a shared context.
    public func lint(_ resource: Resource, in context: LintContext) -> [Diagnostic] {
        let linted = lintObjectAndFacts(resource, in: context.objectContext)
        guard let facts = linted.facts else { return linted.diagnostics }
        return linted.diagnostics + lintSet(facts, in: context.facts)
    }

    /// The findings of the per-object rules about one resource (every enabled rule that needs no other
    /// object), honouring suppression; safe to call concurrently.
    public func lintObject(_ resource: Resource, in context: LintObjectContext) -> [Diagnostic] {
        let subject = LintSubject(resource: resource, pod: LintPodTemplate(resource), context: context)
        return lintObject(subject, suppressed: Self.suppressedRules(of: resource))
    }

    /// The facts the enabled cross-object rules need about one resource; nil when none reads its kind.
    /// Keep them and pass them all to ``lintSet(_:)``; the resource's tree is not retained.
    public func facts(of resource: Resource, in context: LintObjectContext) -> LintObjectFacts? {
        guard !roles.isEmpty else { return nil }
        return LintObjectFacts(resource, pod: LintPodTemplate(resource), suppressed: Self.suppressedRules(of: resource),
                               in: context, roles: roles)
    }

    /// ``lintObject(_:in:)`` and ``facts(of:in:)`` at once, reading the resource's pod template once.
    public func lintObjectAndFacts(
        _ resource: Resource, in context: LintObjectContext
    ) -> (diagnostics: [Diagnostic], facts: LintObjectFacts?) {
        let subject = LintSubject(resource: resource, pod: LintPodTemplate(resource), context: context)
        let suppressed = Self.suppressedRules(of: resource)
        let facts = roles.isEmpty ? nil
            : LintObjectFacts(resource, pod: subject.pod, suppressed: suppressed, in: context, roles: roles)
        return (lintObject(subject, suppressed: suppressed), facts)
    }

    /// The findings of the cross-object rules over the facts of a whole input set, sorted.
    public func lintSet(_ facts: [LintObjectFacts]) -> [Diagnostic] {
        lintSet(chunks: [facts])
    }

    /// The findings of the cross-object rules over the facts of a whole input set given in chunks (one
    /// per file, say), read where they are rather than copied into one array; sorted.
    public func lintSet(chunks: [[LintObjectFacts]]) -> [Diagnostic] {
        guard !setRules.isEmpty else { return [] }
        let set = LintFactSet(chunks: chunks)
        var diagnostics: [Diagnostic] = []
        for chunk in chunks {
            for facts in chunk { diagnostics += lintSet(facts, in: set) }
        }
        return diagnostics.sorted()
    }

    private func lintObject(_ subject: LintSubject, suppressed: Set<String>) -> [Diagnostic] {
        if suppressed.contains("all") { return [] }
        var diagnostics: [Diagnostic] = []
        var findings: [LintFinding] = []
        // Built at the first finding, once for all the rules that report the object.
        var displayName: String?
        for index in objectRules.indices {
            if !suppressed.isEmpty, suppressed.contains(objectRuleInfo[index].id) { continue }
            objectRules[index].check(subject, into: &findings)
            guard !findings.isEmpty else { continue }
            let info = objectRuleInfo[index]
            let object = displayName ?? subject.resource.displayName
            displayName = object
            for finding in findings {
                diagnostics.append(info.diagnostic(finding, file: subject.resource.file, object: object))
            }
            findings.removeAll(keepingCapacity: true)
        }
        return diagnostics
    }

    private func lintSet(_ facts: LintObjectFacts, in set: LintFactSet) -> [Diagnostic] {
        if facts.suppressed.contains("all") { return [] }
        var diagnostics: [Diagnostic] = []
        var findings: [LintFinding] = []
        // Built at the first finding, once for all the rules that report the object.
        var displayName: String?
        for index in setRules.indices {
            if !facts.suppressed.isEmpty, facts.suppressed.contains(setRuleInfo[index].id) { continue }
            setRules[index].check(facts, in: set, into: &findings)
            guard !findings.isEmpty else { continue }
            let info = setRuleInfo[index]
            let object = displayName ?? facts.displayName
            displayName = object
            for finding in findings {
                diagnostics.append(info.diagnostic(finding, file: facts.file, object: object))
            }
            findings.removeAll(keepingCapacity: true)
        }
        return diagnostics
    }

    /// The rule ids (and possibly `all`) the object's `kplan.dev/ignore` annotation lists.
    static func suppressedRules(of resource: Resource) -> Set<String> {
        guard let value = resource.node["metadata"]?["annotations"]?[ignoreAnnotation]?.scalar?.text else { return [] }
        var ids: Set<String> = []
        for part in value.split(separator: ",") {
            let trimmed = lintTrimmed(part)
            ids.insert(trimmed.hasPrefix("lint.") ? String(trimmed.dropFirst(5)) : trimmed)
        }
        return ids
    }
}
