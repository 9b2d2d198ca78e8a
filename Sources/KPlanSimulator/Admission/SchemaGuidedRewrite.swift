import KPlanCore
import KPlanValidation

/// Rewrites a value top-down alongside its schema: `rewrite` sees each node with the schema that
/// describes it (a `$ref`'s base first), then the walk goes on into the members and items of its result,
/// following properties, `additionalProperties` and `items`.
enum SchemaGuidedRewrite {
    /// `value` after `rewrite` has seen it and everything below it.
    static func apply(to value: JSONValue, schema: Schema, _ rewrite: (JSONValue, Schema) -> JSONValue) -> JSONValue {
        var result = value
        if let base = schema.base { result = apply(to: result, schema: base, rewrite) }
        result = rewrite(result, schema)
        switch result {
        case .object(var members):
            for (name, member) in members {
                if let property = schema.property(name) {
                    members[name] = apply(to: member, schema: property, rewrite)
                } else if case .schema(let additional) = schema.additionalProperties {
                    members[name] = apply(to: member, schema: additional, rewrite)
                }
            }
            return .object(members)
        case .array(let items):
            guard let itemSchema = schema.items else { return result }
            return .array(items.map { apply(to: $0, schema: itemSchema, rewrite) })
        case .null, .bool, .int, .double, .string:
            return result
        }
    }
}
