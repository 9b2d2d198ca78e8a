import KPlanCore
import KPlanValidation

/// Structural-schema defaulting, as the API server applies a CRD's `default:` values to its custom
/// resources: from the root down, an absent property with a default gets it (so does a null one
/// unless the property is nullable), and a defaulted object gets its own properties' defaults too.
enum SchemaDefaults {
    /// `value` with the defaults of `schema` applied throughout.
    static func apply(to value: JSONValue, schema: Schema) -> JSONValue {
        var result = value
        if let base = schema.base { result = apply(to: result, schema: base) }
        switch result {
        case .object(var members):
            for (index, name) in schema.propertyNames.enumerated() {
                let property = schema.propertySchemas[index]
                guard let defaultValue = property.defaultValue else { continue }
                let existing = members[name]
                if existing == nil || (existing?.isNull == true && !property.admitsNull) {
                    members[name] = JSONValue(defaultValue)
                }
            }
            for (name, member) in members {
                if let property = schema.property(name) {
                    members[name] = apply(to: member, schema: property)
                } else if case .schema(let additional) = schema.additionalProperties {
                    members[name] = apply(to: member, schema: additional)
                }
            }
            return .object(members)
        case .array(let items):
            guard let itemSchema = schema.items else { return result }
            return .array(items.map { apply(to: $0, schema: itemSchema) })
        case .null, .bool, .int, .double, .string:
            return result
        }
    }
}
