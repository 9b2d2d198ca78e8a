import KPlanCore
import KPlanValidation

/// What checking one resource on its own produced: its findings, the compact facts the set-level
/// checks need, and its identity for the duplicate check. Nothing here holds the resource's tree.
struct CheckedObject: Sendable {
    var diagnostics: [Diagnostic]
    var facts: LintObjectFacts?
    var identity: ObjectIdentity?
}

/// Checks one resource against the schemas known so far: schema validation (or why there is none),
/// semantic checks, and the per-object lint rules; also extracts its set-level facts.
struct ObjectChecker: Sendable {
    let registry: SchemaRegistry
    let engine: LintEngine
    let context: LintObjectContext
    let ignoreMissingSchemas: Bool
    let defaultNamespace: String

    init(registry: SchemaRegistry, engine: LintEngine, ignoreMissingSchemas: Bool, defaultNamespace: String) {
        self.registry = registry
        self.engine = engine
        self.ignoreMissingSchemas = ignoreMissingSchemas
        self.defaultNamespace = defaultNamespace
        self.context = engine.objectContext(defaultNamespace: defaultNamespace) { [registry] in registry.scope(for: $0) }
    }

    /// The schema lookup for `resource` when the registry can decide about it now: a built-in kind or
    /// one whose CRD is known. Nil for other kinds, which wait until every CRD in the input has been read.
    /// Pass it to ``check(_:_:)``, so the kind is looked up once per resource.
    func lookupIfKnown(_ resource: Resource) -> SchemaLookup? {
        let lookup = registry.lookup(resource.gvk)
        switch lookup {
        case .found, .unknownVersion: return lookup
        case .unknownKind: return nil
        }
    }

    /// Every finding about `resource` on its own, and what the set-level checks need from it.
    func check(_ resource: Resource) -> CheckedObject {
        check(resource, registry.lookup(resource.gvk))
    }

    /// ``check(_:)`` with the registry's `lookup` of the resource's kind already made.
    func check(_ resource: Resource, _ lookup: SchemaLookup) -> CheckedObject {
        var diagnostics: [Diagnostic] = []
        var apiVersionIsServed = true
        switch lookup {
        case .found(let schema):
            diagnostics += SchemaValidator.validate(resource, schema: schema)
        case .unknownVersion(let served):
            apiVersionIsServed = false
            diagnostics.append(unknownVersion(resource, served: served))
        case .unknownKind:
            diagnostics.append(missingSchema(resource))
        }
        let scope = registry.scope(for: resource.gvk)
        diagnostics += withoutRepeatedDuplicates(SemanticChecker.check(resource, scope: scope), schemaFindings: diagnostics)
        var (lint, facts) = engine.lintObjectAndFacts(resource, in: context)
        if !apiVersionIsServed {
            // schema.unknown-version already says the API is gone, with the versions to use instead.
            lint.removeAll { $0.code == "lint.deprecated-api-version" }
        }
        diagnostics += lint
        return CheckedObject(
            diagnostics: diagnostics, facts: facts,
            identity: ObjectIdentity(resource, defaultNamespace: defaultNamespace, scope: scope))
    }

    /// Semantic findings minus the `semantic.duplicate-*` ones about a list item the schema already
    /// reported as `schema.duplicate-list-key` (Service ports are a map-type list keyed by port and
    /// protocol): one finding per duplicated item. The schema's finding is kept because server-side
    /// apply rejects duplicate keys.
    private func withoutRepeatedDuplicates(_ semantic: [Diagnostic], schemaFindings: [Diagnostic]) -> [Diagnostic] {
        let duplicateLines = Set(schemaFindings.filter { $0.code == "schema.duplicate-list-key" }
            .map(\.location.range.start.line))
        guard !duplicateLines.isEmpty else { return semantic }
        return semantic.filter {
            !($0.code.hasPrefix("semantic.duplicate-") && duplicateLines.contains($0.location.range.start.line))
        }
    }

    private func unknownVersion(_ resource: Resource, served: [String]) -> Diagnostic {
        let gvk = resource.gvk
        let node = resource.node["apiVersion"] ?? resource.node
        var message = "\(gvk.kind) is not served as \(gvk.apiVersion) by Kubernetes \(registry.version)"
        if !served.isEmpty { message += "; use \(served.joined(separator: " or "))" }
        return Diagnostic(.error, code: "schema.unknown-version", message: message,
                          at: resource.location(of: node), object: resource.displayName)
    }

    private func missingSchema(_ resource: Resource) -> Diagnostic {
        let gvk = resource.gvk
        let node = resource.node["kind"] ?? resource.node
        let severity: Severity = ignoreMissingSchemas ? .warning : .error
        var message = "no schema for \(gvk.kind) (\(gvk.apiVersion)): no CustomResourceDefinition for it in the input or --crd"
        if !ignoreMissingSchemas { message += "; pass its CRD with --crd, or --ignore-missing-schemas to accept it unchecked" }
        return Diagnostic(severity, code: "schema.missing", message: message,
                          at: resource.location(of: node), object: resource.displayName)
    }
}
