import KPlanCore
import KPlanValidation

/// Checks resources once every schema is known: schema validation, semantic checks and lint rules
/// per resource, then the checks over the whole input set.
struct ResourceChecker: Sendable {
    let registry: SchemaRegistry
    let engine: LintEngine
    let ignoreMissingSchemas: Bool
    let defaultNamespace: String
    let resources: [Resource]
    let context: LintContext

    init(registry: SchemaRegistry, engine: LintEngine, ignoreMissingSchemas: Bool, defaultNamespace: String,
         resources: [Resource]) {
        self.registry = registry
        self.engine = engine
        self.ignoreMissingSchemas = ignoreMissingSchemas
        self.defaultNamespace = defaultNamespace
        self.resources = resources
        let registry = registry
        self.context = engine.context(for: resources, defaultNamespace: defaultNamespace) { registry.scope(for: $0) }
    }

    /// Every finding about one resource on its own (and against the lint context).
    func check(_ resource: Resource) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var apiVersionIsServed = true
        switch registry.lookup(resource.gvk) {
        case .found(let schema):
            diagnostics += SchemaValidator.validate(resource, schema: schema)
        case .unknownVersion(let served):
            apiVersionIsServed = false
            diagnostics.append(unknownVersion(resource, served: served))
        case .unknownKind:
            diagnostics.append(missingSchema(resource))
        }
        diagnostics += withoutRepeatedDuplicates(
            SemanticChecker.check(resource, scope: registry.scope(for: resource.gvk)), schemaFindings: diagnostics)
        var lint = engine.lint(resource, in: context)
        if !apiVersionIsServed {
            // schema.unknown-version already says the API is gone, with the versions to use instead.
            lint.removeAll { $0.code == "lint.deprecated-api-version" }
        }
        diagnostics += lint
        return diagnostics
    }

    /// Semantic findings minus the `semantic.duplicate-*` ones about a list item the schema already
    /// reported as `schema.duplicate-list-key` (volumes, env, Service ports are map-type lists keyed by
    /// name or port): one finding per duplicated item. The schema's finding is kept because server-side
    /// apply rejects duplicate keys, even where the API server's own validation only warns (env).
    private func withoutRepeatedDuplicates(_ semantic: [Diagnostic], schemaFindings: [Diagnostic]) -> [Diagnostic] {
        let duplicateLines = Set(schemaFindings.filter { $0.code == "schema.duplicate-list-key" }
            .map(\.location.range.start.line))
        guard !duplicateLines.isEmpty else { return semantic }
        return semantic.filter {
            !($0.code.hasPrefix("semantic.duplicate-") && duplicateLines.contains($0.location.range.start.line))
        }
    }

    /// Findings about the set as a whole: duplicate objects.
    func checkSet() -> [Diagnostic] {
        SemanticChecker.duplicates(in: resources, defaultNamespace: defaultNamespace) { registry.scope(for: $0) }
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
