import KPlanCore

/// Shares identical compiled sub-schemas: CRDs repeat the same blocks (container, volume, affinity,
/// selector schemas; whole versions that differ only in name), and each copy would otherwise be a
/// separate tree of `Schema` objects.
///
/// Schemas are interned bottom-up, as the compiler finishes each one, so two schemas are identical
/// when their keywords are equal and their sub-schemas are the same objects. A schema the CRD compiler
/// still changes after compiling (an embedded resource), or whose value depends on where it was
/// written (CEL rules, a non-scalar default) is never shared.
final class SchemaInterner {
    /// The shared schemas by their key's hash; keys are rebuilt to compare, not stored.
    private var schemas: [Int: [Schema]] = [:]

    /// The schema already seen with the same content as `schema`, else `schema`, remembered.
    func intern(_ schema: Schema) -> Schema {
        guard let key = Key(schema) else { return schema }
        let hash = key.hashValue
        if let shared = schemas[hash]?.first(where: { Key($0) == key }) { return shared }
        schemas[hash, default: []].append(schema)
        return schema
    }

    /// Everything a schema holds, its sub-schemas by identity.
    private struct Key: Hashable {
        var types: SchemaTypes
        var special: SchemaSpecial
        var flags: UInt8
        var base: ObjectIdentifier?
        var propertyNames: [String]
        var propertySchemas: [ObjectIdentifier]
        var required: [String]
        var additionalProperties: UInt8
        var additionalSchema: ObjectIdentifier?
        var items: ObjectIdentifier?
        var definitionName: String?
        var defaultValue: Scalar?
        var enumValues: [SchemaValue]?
        var format: SchemaFormat?
        var pattern: String?
        var bounds: [Double?]
        var counts: [Int?]
        var allOf: [ObjectIdentifier]
        var anyOf: [ObjectIdentifier]
        var oneOf: [ObjectIdentifier]
        var not: ObjectIdentifier?
        var listType: ListType?
        var listMapKeys: [String]
        var mapType: String?
        var patchStrategy: String?
        var patchMergeKey: String?
        var groupVersionKinds: [GroupVersionKind]

        /// The key of `schema`, nil when it must not be shared.
        init?(_ schema: Schema) {
            guard !schema.isEmbeddedResource, schema.validations.isEmpty, schema.celSchemaNode == nil,
                  schema.defaultingSchemaNode == nil
            else { return nil }
            if let value = schema.defaultValue {
                guard let scalar = value.scalar else { return nil }
                defaultValue = scalar
            }
            types = schema.types
            special = schema.special
            flags = (schema.declaresProperties ? 1 : 0) | (schema.preservesUnknownFields ? 2 : 0)
                | (schema.exclusiveMinimum ? 4 : 0) | (schema.exclusiveMaximum ? 8 : 0) | (schema.uniqueItems ? 16 : 0)
            base = schema.base.map(ObjectIdentifier.init)
            propertyNames = schema.propertyNames
            propertySchemas = schema.propertySchemas.map(ObjectIdentifier.init)
            required = schema.required
            switch schema.additionalProperties {
            case .unspecified: additionalProperties = 0
            case .allowed: additionalProperties = 1
            case .forbidden: additionalProperties = 2
            case .schema(let additional):
                additionalProperties = 3
                additionalSchema = ObjectIdentifier(additional)
            }
            items = schema.items.map(ObjectIdentifier.init)
            definitionName = schema.definitionName
            enumValues = schema.enumValues
            format = schema.format
            pattern = schema.pattern?.source
            bounds = [schema.minimum, schema.maximum, schema.multipleOf]
            counts = [schema.minLength, schema.maxLength, schema.minItems, schema.maxItems,
                      schema.minProperties, schema.maxProperties]
            allOf = schema.allOf.map(ObjectIdentifier.init)
            anyOf = schema.anyOf.map(ObjectIdentifier.init)
            oneOf = schema.oneOf.map(ObjectIdentifier.init)
            not = schema.not.map(ObjectIdentifier.init)
            listType = schema.listType
            listMapKeys = schema.listMapKeys
            mapType = schema.mapType
            patchStrategy = schema.patchStrategy
            patchMergeKey = schema.patchMergeKey
            groupVersionKinds = schema.groupVersionKinds
        }
    }
}
