import KPlanCore
import KPlanValidation

/// Validation on write, as the API server does it: the lint module's schema validation (strict:
/// unknown fields refused) and semantic checks, with CRDs known to the registry, run on the object
/// about to be stored. Findings come back as the server's refusals: `Invalid` (422) with
/// `Kind.group "name" is invalid: <field>: <type>: <value>: <detail>`, `BadRequest` (400) for
/// undeclared fields and values of the wrong type, `NotFound` (404) for a kind the cluster does not serve.
public struct ObjectValidator: Sendable {
    /// Schemas of the built-in kinds and the known CRDs.
    public var registry: SchemaRegistry

    /// Creates a validator.
    public init(registry: SchemaRegistry) {
        self.registry = registry
    }

    /// Refuses `object` when the API server would.
    /// - Parameter source: the manifest the object came from, when it had one: the refusal's
    ///   `diagnostics` then point at its lines (else at the field paths, in a file named for the object).
    /// - Throws: `APIError` (`.notFound`, `.badRequest` or `.invalid`).
    public func validate(_ object: KubeObject, source: Resource? = nil) throws(APIError) {
        try check(object, old: nil, source: source)
    }

    /// Refuses replacing the stored `old` with `object` when the API server would: everything
    /// `validate(_:source:)` refuses, and changes to fields that may not change once set.
    /// - Throws: `APIError` (`.notFound`, `.badRequest` or `.invalid`).
    public func validateUpdate(_ object: KubeObject, old: KubeObject, source: Resource? = nil) throws(APIError) {
        try check(object, old: old, source: source)
    }

    private func check(_ object: KubeObject, old: KubeObject?, source: Resource?) throws(APIError) {
        let gvk = object.gvk
        let schema: Schema
        switch registry.lookup(gvk) {
        case .found(let found): schema = found
        case .unknownVersion, .unknownKind: throw APIError(.notFound, "the server could not find the requested resource")
        }
        let tree = ValidationTree(object.value)
        let file = source?.file ?? "<\(object.key)>"
        let resource = Resource(file: file, documentIndex: source?.documentIndex ?? 0, node: tree.root, gvk: gvk,
                                name: object.name, namespace: object.namespace.isEmpty ? nil : object.namespace)
        var checks = APIServerChecks.check(object.value, gvk: gvk)
        if let old { checks += APIServerUpdateChecks.check(object.value, old: old.value, gvk: gvk) }
        let serverFindings = checks.map { finding in
            Diagnostic(.error, code: finding.code, message: finding.message,
                       at: SourceLocation(file: file, range: SourceRange(at: tree.position(of: finding.path))),
                       object: resource.displayName)
        }
        let findings = (SchemaValidator.validate(resource, schema: schema)
            + SemanticChecker.check(resource, scope: registry.scope(for: gvk)) + serverFindings)
            .filter { $0.severity == .error }
        guard !findings.isEmpty else { return }
        let isCustom = registry.crds.contains { $0.group == gvk.group && $0.kind == gvk.kind }
        let errors = findings.map { APIFieldError($0, tree: tree, object: object.value, isCustom: isCustom) }
        let diagnostics = zip(findings, errors).map { finding, error in
            located(finding, error: error, tree: tree, source: source)
        }
        let kindText = gvk.group.isEmpty ? gvk.kind : "\(gvk.kind).\(gvk.group)"
        let decodingErrors = errors.filter(\.isDecodingError)
        if let first = decodingErrors.first {
            throw APIError(.badRequest,
                           "\(gvk.kind) in version \"\(gvk.version)\" cannot be handled as a \(gvk.kind): \(first.decodingMessage)",
                           diagnostics: diagnostics)
        }
        let rendered = errors.map(\.text)
        let list = rendered.count == 1 ? rendered[0] : "[" + rendered.joined(separator: ", ") + "]"
        throw APIError(.invalid, "\(kindText) \"\(object.name)\" is invalid: \(list)",
                       causes: errors.map { APIError.Cause(type: $0.reason, message: $0.body, field: $0.field) },
                       diagnostics: diagnostics)
    }

    /// The finding with the server's message, placed at the field in `source` (or its nearest
    /// present ancestor) when there is a source, else at the field path's line of the tree.
    private func located(_ finding: Diagnostic, error: APIFieldError, tree: ValidationTree, source: Resource?) -> Diagnostic {
        var result = finding
        result.message = error.text
        guard let source else { return result }
        var node = source.node
        for step in tree.path(at: finding.location.range.start) {
            let next: Node?
            switch step {
            case .key(let name): next = node[name]
            case .index(let index): next = node.items.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            }
            guard let next else { break }
            node = next
        }
        result.location = source.location(of: node)
        return result
    }
}
