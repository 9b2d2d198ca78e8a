import KPlanCore

/// One compiled schema node: the subset of JSON Schema / OpenAPI v3 and the `x-kubernetes-*`
/// extensions that Kubernetes validation and server-side apply use.
///
/// A definition's schema is built once and shared; a `$ref` resolves to the referenced definition's
/// `Schema` object, so recursive definitions (`JSONSchemaProps`) form cycles. Properties are written
/// only while the schema is built, under the bundle's lock, before the schema is handed out; after
/// that a schema is never mutated, which is why it can be `Sendable`, and why its properties opt out
/// of dynamic exclusivity checks: validation reads them on every node, and nothing writes them then.
public final class Schema: @unchecked Sendable {
    /// The JSON types the value may have; empty means any.
    @exclusivity(unchecked) public internal(set) var types: SchemaTypes = []
    /// A built-in value syntax checked beyond the JSON type.
    @exclusivity(unchecked) public internal(set) var special: SchemaSpecial = .none
    /// The definition this schema was built from (`io.k8s.api.core.v1.PodSpec`), if it is one.
    @exclusivity(unchecked) public internal(set) var definitionName: String?
    /// The schema this one annotates (a `$ref` with sibling keywords); validated first.
    @exclusivity(unchecked) public internal(set) var base: Schema?

    /// Declared property names, in declaration order; `propertySchemas` is parallel.
    @exclusivity(unchecked) public internal(set) var propertyNames: [String] = []
    /// The schemas of the declared properties.
    @exclusivity(unchecked) public internal(set) var propertySchemas: [Schema] = []
    /// Index of each declared property in `propertyNames`.
    @exclusivity(unchecked) public internal(set) var propertyIndex: [String: Int] = [:]
    /// Whether the schema declares `properties` at all (even an empty set).
    @exclusivity(unchecked) public internal(set) var declaresProperties = false
    /// Required property names.
    @exclusivity(unchecked) public internal(set) var required: [String] = []
    /// What is allowed beyond the declared properties.
    @exclusivity(unchecked) public internal(set) var additionalProperties: AdditionalProperties = .unspecified
    /// The schema of array items.
    @exclusivity(unchecked) public internal(set) var items: Schema?

    /// The `default` the API server fills in when the field is absent.
    @exclusivity(unchecked) public internal(set) var defaultValue: Node?
    /// The allowed values, if restricted.
    @exclusivity(unchecked) public internal(set) var enumValues: [SchemaValue]?
    /// The `format`, if any.
    @exclusivity(unchecked) public internal(set) var format: SchemaFormat?
    /// The `pattern` strings must match (searched, not anchored).
    @exclusivity(unchecked) public internal(set) var pattern: SchemaPattern?
    /// Lower bound for numbers.
    @exclusivity(unchecked) public internal(set) var minimum: Double?
    /// Upper bound for numbers.
    @exclusivity(unchecked) public internal(set) var maximum: Double?
    /// Whether `minimum` itself is excluded.
    @exclusivity(unchecked) public internal(set) var exclusiveMinimum = false
    /// Whether `maximum` itself is excluded.
    @exclusivity(unchecked) public internal(set) var exclusiveMaximum = false
    /// Numbers must be a multiple of this.
    @exclusivity(unchecked) public internal(set) var multipleOf: Double?
    /// Shortest string length, in Unicode scalars.
    @exclusivity(unchecked) public internal(set) var minLength: Int?
    /// Longest string length, in Unicode scalars.
    @exclusivity(unchecked) public internal(set) var maxLength: Int?
    /// Fewest array items.
    @exclusivity(unchecked) public internal(set) var minItems: Int?
    /// Most array items.
    @exclusivity(unchecked) public internal(set) var maxItems: Int?
    /// Fewest object properties.
    @exclusivity(unchecked) public internal(set) var minProperties: Int?
    /// Most object properties.
    @exclusivity(unchecked) public internal(set) var maxProperties: Int?
    /// Whether array items must be distinct.
    @exclusivity(unchecked) public internal(set) var uniqueItems = false

    /// The value must match every one of these.
    @exclusivity(unchecked) public internal(set) var allOf: [Schema] = []
    /// The value must match at least one of these.
    @exclusivity(unchecked) public internal(set) var anyOf: [Schema] = []
    /// The value must match exactly one of these.
    @exclusivity(unchecked) public internal(set) var oneOf: [Schema] = []
    /// The value must not match this.
    @exclusivity(unchecked) public internal(set) var not: Schema?

    /// `x-kubernetes-preserve-unknown-fields`: fields not declared are kept, so not reported.
    @exclusivity(unchecked) public internal(set) var preservesUnknownFields = false
    /// `x-kubernetes-embedded-resource`: the value is an object with its own apiVersion, kind, metadata.
    @exclusivity(unchecked) public internal(set) var isEmbeddedResource = false
    /// `x-kubernetes-list-type`.
    @exclusivity(unchecked) public internal(set) var listType: ListType?
    /// `x-kubernetes-list-map-keys`.
    @exclusivity(unchecked) public internal(set) var listMapKeys: [String] = []
    /// `x-kubernetes-map-type` (`granular` or `atomic`).
    @exclusivity(unchecked) public internal(set) var mapType: String?
    /// `x-kubernetes-patch-strategy` (`merge`, `retainKeys`, `merge,retainKeys`).
    @exclusivity(unchecked) public internal(set) var patchStrategy: String?
    /// `x-kubernetes-patch-merge-key`.
    @exclusivity(unchecked) public internal(set) var patchMergeKey: String?
    /// `x-kubernetes-group-version-kind`: the kinds whose root object this schema describes.
    @exclusivity(unchecked) public internal(set) var groupVersionKinds: [GroupVersionKind] = []

    /// `x-kubernetes-validations`: CEL rules the value must satisfy (CRD schemas).
    @exclusivity(unchecked) public internal(set) var validations: [CELValidationRule] = []
    /// The schema node this schema was compiled from, when it carries CEL rules: CEL reads it to type
    /// values as Kubernetes does (formats, list types, declared fields).
    @exclusivity(unchecked) public internal(set) var celSchemaNode: Node?
    /// At a custom resource's root whose schema has CEL rules anywhere: the whole `openAPIV3Schema`,
    /// whose defaults are applied before validation, as the API server does.
    @exclusivity(unchecked) public internal(set) var defaultingSchemaNode: Node?

    /// Creates an empty schema (accepts anything) to be filled by a compiler.
    init() {}

    /// The schema of a declared property.
    public func property(_ name: String) -> Schema? {
        guard let index = propertyIndex[name] else { return nil }
        return propertySchemas[index]
    }

    /// Whether `null` is an acceptable value.
    public var admitsNull: Bool { types.isEmpty || types.contains(.null) }

    /// Whether undeclared fields are errors in kplan's strict mode: the schema declares properties (or
    /// forbids extra ones), sets no `additionalProperties` schema, and does not preserve unknown fields.
    var rejectsUnknownFields: Bool {
        if preservesUnknownFields { return false }
        switch additionalProperties {
        case .forbidden: return true
        case .allowed, .schema: return false
        case .unspecified: return declaresProperties
        }
    }
}
