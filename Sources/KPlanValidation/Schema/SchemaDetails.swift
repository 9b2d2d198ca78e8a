import KPlanCore

/// The keywords of a `Schema` that most schema nodes leave unset, kept apart so a plain node (a
/// `type` and perhaps `properties`) stays small. A `Schema` creates its details on the first write of
/// one of these keywords; like the schema, they are written only while it is built.
final class SchemaDetails: @unchecked Sendable {
    @exclusivity(unchecked) var definitionName: String?
    @exclusivity(unchecked) var defaultValue: Node?
    @exclusivity(unchecked) var enumValues: [SchemaValue]?
    @exclusivity(unchecked) var format: SchemaFormat?
    @exclusivity(unchecked) var pattern: SchemaPattern?
    @exclusivity(unchecked) var minimum: Double?
    @exclusivity(unchecked) var maximum: Double?
    @exclusivity(unchecked) var exclusiveMinimum = false
    @exclusivity(unchecked) var exclusiveMaximum = false
    @exclusivity(unchecked) var uniqueItems = false
    @exclusivity(unchecked) var multipleOf: Double?
    @exclusivity(unchecked) var minLength: Int?
    @exclusivity(unchecked) var maxLength: Int?
    @exclusivity(unchecked) var minItems: Int?
    @exclusivity(unchecked) var maxItems: Int?
    @exclusivity(unchecked) var minProperties: Int?
    @exclusivity(unchecked) var maxProperties: Int?
    @exclusivity(unchecked) var allOf: [Schema] = []
    @exclusivity(unchecked) var anyOf: [Schema] = []
    @exclusivity(unchecked) var oneOf: [Schema] = []
    @exclusivity(unchecked) var not: Schema?
    @exclusivity(unchecked) var listType: ListType?
    @exclusivity(unchecked) var listMapKeys: [String] = []
    @exclusivity(unchecked) var mapType: String?
    @exclusivity(unchecked) var patchStrategy: String?
    @exclusivity(unchecked) var patchMergeKey: String?
    @exclusivity(unchecked) var groupVersionKinds: [GroupVersionKind] = []
    @exclusivity(unchecked) var validations: [CELValidationRule] = []
    @exclusivity(unchecked) var celSchemaNode: Node?
    @exclusivity(unchecked) var defaultingSchemaNode: Node?
}
