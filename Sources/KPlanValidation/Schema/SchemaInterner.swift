import KPlanCore

/// Shares identical compiled sub-schemas: CRDs repeat the same blocks (container, volume, affinity,
/// selector schemas; whole versions that differ only in name), and each copy would otherwise be a
/// separate tree of `Schema` objects.
///
/// Schemas are interned bottom-up, as the compiler finishes each one, so two schemas are identical
/// when their keywords are equal and their sub-schemas are the same objects. A schema the CRD compiler
/// still changes after compiling (an embedded resource), or whose value depends on where it was
/// written (CEL rules, a non-scalar default) is never shared. Schemas are hashed and compared field by
/// field in place: building a key value per schema cost more than the compilation it saves.
final class SchemaInterner {
    /// The shared schemas by their content hash.
    private var schemas: [Int: [Schema]] = [:]

    /// The schema already seen with the same content as `schema`, else `schema`, remembered.
    func intern(_ schema: Schema) -> Schema {
        guard Self.isShareable(schema) else { return schema }
        let hash = Self.contentHash(schema)
        if let shared = schemas[hash]?.first(where: { Self.sameContent($0, schema) }) { return shared }
        schemas[hash, default: []].append(schema)
        return schema
    }

    /// Whether `schema` may be shared.
    private static func isShareable(_ schema: Schema) -> Bool {
        guard !schema.isEmbeddedResource, schema.validations.isEmpty, schema.celSchemaNode == nil,
              schema.defaultingSchemaNode == nil
        else { return false }
        if let value = schema.defaultValue, value.scalar == nil { return false }
        return true
    }

    /// A hash of the keywords that most often tell schemas apart; equal content hashes equally, and
    /// `sameContent` compares every keyword.
    private static func contentHash(_ schema: Schema) -> Int {
        var hasher = Hasher()
        hasher.combine(schema.types)
        hasher.combine(schema.special)
        hasher.combine(schema.propertyNames)
        for property in schema.propertySchemas { hasher.combine(ObjectIdentifier(property)) }
        hasher.combine(schema.required)
        hasher.combine(schema.items.map(ObjectIdentifier.init))
        hasher.combine(schema.definitionName)
        hasher.combine(schema.format)
        return hasher.finalize()
    }

    /// Whether two shareable schemas hold the same keywords, their sub-schemas by identity.
    private static func sameContent(_ a: Schema, _ b: Schema) -> Bool {
        guard a.types == b.types && a.special == b.special && a.base === b.base
            && a.declaresProperties == b.declaresProperties && a.preservesUnknownFields == b.preservesUnknownFields
            && a.propertyNames == b.propertyNames && same(a.propertySchemas, b.propertySchemas)
            && a.required == b.required && sameAdditional(a.additionalProperties, b.additionalProperties)
            && a.items === b.items && a.hasDetails == b.hasDetails
        else { return false }
        // The remaining keywords live in the details, which most schemas do not have.
        guard a.hasDetails else { return true }
        return a.exclusiveMinimum == b.exclusiveMinimum && a.exclusiveMaximum == b.exclusiveMaximum
            && a.uniqueItems == b.uniqueItems && a.definitionName == b.definitionName
            && a.defaultValue?.scalar == b.defaultValue?.scalar && a.enumValues == b.enumValues
            && a.format == b.format && a.pattern?.source == b.pattern?.source
            && a.minimum == b.minimum && a.maximum == b.maximum && a.multipleOf == b.multipleOf
            && a.minLength == b.minLength && a.maxLength == b.maxLength && a.minItems == b.minItems
            && a.maxItems == b.maxItems && a.minProperties == b.minProperties && a.maxProperties == b.maxProperties
            && same(a.allOf, b.allOf) && same(a.anyOf, b.anyOf) && same(a.oneOf, b.oneOf) && a.not === b.not
            && a.listType == b.listType && a.listMapKeys == b.listMapKeys && a.mapType == b.mapType
            && a.patchStrategy == b.patchStrategy && a.patchMergeKey == b.patchMergeKey
            && a.groupVersionKinds == b.groupVersionKinds
    }

    /// Whether two lists hold the same schema objects in the same order.
    private static func same(_ a: [Schema], _ b: [Schema]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 === $1 }
    }

    private static func sameAdditional(_ a: AdditionalProperties, _ b: AdditionalProperties) -> Bool {
        switch (a, b) {
        case (.unspecified, .unspecified), (.allowed, .allowed), (.forbidden, .forbidden): true
        case (.schema(let x), .schema(let y)): x === y
        case (.unspecified, _), (.allowed, _), (.forbidden, _), (.schema, _): false
        }
    }
}
