import KPlanCore
import KPlanValidation

/// Rewrites a value top-down alongside its schema: `rewrite` sees each node with the schema that
/// describes it (a `$ref`'s base first), then the walk goes on into the members and items of its result,
/// following properties, `additionalProperties` and `items`.
enum SchemaGuidedRewrite {
    /// `value` after `rewrite` has seen it and everything below it.
    /// - Parameter skipping: whether `rewrite` changes nothing at or below a value of this schema, so
    ///   the walk need not go there.
    static func apply(
        to value: JSONValue, schema: Schema, skipping: (Schema) -> Bool = { _ in false }, _ rewrite: (JSONValue, Schema) -> JSONValue
    ) -> JSONValue {
        if skipping(schema) { return value }
        var result = value
        if let base = schema.base { result = apply(to: result, schema: base, skipping: skipping, rewrite) }
        result = rewrite(result, schema)
        // Only what a rewrite changed is written back: an unchanged subtree keeps its storage, so the
        // result of defaulting an already defaulted object shares it with the object (and compares
        // equal to it at once).
        switch result {
        case .object(let original):
            var members = original
            for (name, member) in original {
                let memberSchema: Schema
                if let property = schema.property(name) {
                    memberSchema = property
                } else if case .schema(let additional) = schema.additionalProperties {
                    memberSchema = additional
                } else {
                    continue
                }
                let rewritten = apply(to: member, schema: memberSchema, skipping: skipping, rewrite)
                if !rewritten.isSameStorage(as: member) { members[name] = rewritten }
            }
            return .object(members)
        case .array(let original):
            guard let itemSchema = schema.items else { return result }
            var items = original
            for index in original.indices {
                let rewritten = apply(to: original[index], schema: itemSchema, skipping: skipping, rewrite)
                if !rewritten.isSameStorage(as: original[index]) { items[index] = rewritten }
            }
            return .array(items)
        case .null, .bool, .int, .double, .string:
            return result
        }
    }
}
