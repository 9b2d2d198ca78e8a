import KPlanCore

/// Validates resources against compiled schemas.
///
/// Strict by default, like kubeconform's `-strict`: a field a schema does not declare is an error
/// unless the schema allows extra fields (`additionalProperties`, `x-kubernetes-preserve-unknown-fields`).
/// Null is treated as absent, as Kubernetes' decoders do.
public enum SchemaValidator {
    /// The diagnostics for `resource` against `schema`, in document order; empty when it is valid.
    public static func validate(_ resource: Resource, schema: Schema) -> [Diagnostic] {
        var run = SchemaValidationRun(file: resource.file, object: resource.displayName)
        run.check(resource.node, schema, strict: true)
        return run.diagnostics
    }
}
