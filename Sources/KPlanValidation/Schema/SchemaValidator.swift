import KPlanCore

/// Validates resources against compiled schemas.
///
/// Strict by default, like kubeconform's `-strict`: a field a schema does not declare is an error
/// unless the schema allows extra fields (`additionalProperties`, `x-kubernetes-preserve-unknown-fields`).
/// Null is treated as absent, as Kubernetes' decoders do.
public enum SchemaValidator {
    /// The diagnostics for `resource` against `schema`, in document order; empty when it is valid.
    /// - Parameter strict: whether fields the schema does not declare are errors (the default); when
    ///   false, only an explicit `additionalProperties: false` rejects them, as plain JSON Schema does.
    public static func validate(_ resource: Resource, schema: Schema, strict: Bool = true) -> [Diagnostic] {
        var run = SchemaValidationRun(file: resource.file)
        let node = schema.defaultingSchemaNode.map { CELDefaulting.apply(to: resource.node, schema: $0) } ?? resource.node
        run.check(node, schema, strict: strict)
        return run.diagnostics.naming(resource)
    }
}
