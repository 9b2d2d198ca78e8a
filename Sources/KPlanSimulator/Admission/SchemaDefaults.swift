import KPlanCore
import KPlanValidation

/// Structural-schema defaulting, as the API server applies a CRD's `default:` values to its custom
/// resources: from the root down, an absent property with a default gets it (so does a null one
/// unless the property is nullable), and a defaulted object gets its own properties' defaults too.
enum SchemaDefaults {
    /// `value` with the defaults of `schema` applied throughout.
    static func apply(to value: JSONValue, schema: Schema) -> JSONValue {
        SchemaGuidedRewrite.apply(to: value, schema: schema) { node, schema in
            guard case .object(var members) = node else { return node }
            for (index, name) in schema.propertyNames.enumerated() {
                let property = schema.propertySchemas[index]
                guard let defaultValue = property.defaultValue else { continue }
                let existing = members[name]
                if existing == nil || (existing?.isNull == true && !property.admitsNull) {
                    members[name] = JSONValue(defaultValue)
                }
            }
            return .object(members)
        }
    }
}
