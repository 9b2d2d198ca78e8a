import KPlanCore
import Synchronization

/// One compiled schema node: the subset of JSON Schema / OpenAPI v3 and the `x-kubernetes-*`
/// extensions that Kubernetes validation and server-side apply use.
///
/// A definition's schema is built once and shared; a `$ref` resolves to the referenced definition's
/// `Schema` object, so recursive definitions (`JSONSchemaProps`) form cycles. Identical inline
/// sub-schemas are shared too (see `SchemaInterner`, whose key must list every keyword stored here),
/// so one object may be the schema of many fields. Rarely set keywords live in `SchemaDetails`.
/// Properties are written only while the schema is built (under the bundle's lock, for built-ins),
/// before the schema is handed out; after that a schema is never mutated, which is why it can be
/// `Sendable`, and why its properties opt out of dynamic exclusivity checks: validation reads them on
/// every node, and nothing writes them then.
public final class Schema: @unchecked Sendable {
    /// The JSON types the value may have; empty means any.
    @exclusivity(unchecked) public internal(set) var types: SchemaTypes = []
    /// A built-in value syntax checked beyond the JSON type.
    @exclusivity(unchecked) public internal(set) var special: SchemaSpecial = .none
    /// The schema this one annotates (a `$ref` with sibling keywords); validated first.
    @exclusivity(unchecked) public internal(set) var base: Schema?

    /// Declared property names, in declaration order; `propertySchemas` is parallel.
    @exclusivity(unchecked) public private(set) var propertyNames: [String] = []
    /// The schemas of the declared properties.
    @exclusivity(unchecked) public private(set) var propertySchemas: [Schema] = []
    /// The positions of the declared properties by name length, kept only for more than
    /// `linearSearchLimit` properties: fewer are searched linearly.
    @exclusivity(unchecked) private(set) var propertyIndex: SchemaPropertyIndex?
    /// Whether the schema declares `properties` at all (even an empty set).
    @exclusivity(unchecked) public internal(set) var declaresProperties = false
    /// Required property names.
    @exclusivity(unchecked) public internal(set) var required: [String] = []
    /// What is allowed beyond the declared properties.
    @exclusivity(unchecked) public internal(set) var additionalProperties: AdditionalProperties = .unspecified
    /// The schema of array items.
    @exclusivity(unchecked) public internal(set) var items: Schema?
    /// `x-kubernetes-preserve-unknown-fields`: fields not declared are kept, so not reported.
    @exclusivity(unchecked) public internal(set) var preservesUnknownFields = false
    /// `x-kubernetes-embedded-resource`: the value is an object with its own apiVersion, kind, metadata.
    @exclusivity(unchecked) public internal(set) var isEmbeddedResource = false

    /// The rarely set keywords, nil while none is set.
    @exclusivity(unchecked) private var details: SchemaDetails?
    /// The specials this schema reaches (see `reaches(_:)`) as bits, with bit 0 set once worked out.
    private let reachedSpecials = Atomic<UInt8>(0)

    /// The definition this schema was built from (`io.k8s.api.core.v1.PodSpec`), if it is one.
    public internal(set) var definitionName: String? {
        get { details?.definitionName }
        set { if details != nil || newValue != nil { writableDetails.definitionName = newValue } }
    }

    /// The `default` the API server fills in when the field is absent.
    public internal(set) var defaultValue: Node? {
        get { details?.defaultValue }
        set { if details != nil || newValue != nil { writableDetails.defaultValue = newValue } }
    }

    /// The allowed values, if restricted.
    public internal(set) var enumValues: [SchemaValue]? {
        get { details?.enumValues }
        set { if details != nil || newValue != nil { writableDetails.enumValues = newValue } }
    }

    /// The `format`, if any.
    public internal(set) var format: SchemaFormat? {
        get { details?.format }
        set { if details != nil || newValue != nil { writableDetails.format = newValue } }
    }

    /// The `pattern` strings must match (searched, not anchored).
    public internal(set) var pattern: SchemaPattern? {
        get { details?.pattern }
        set { if details != nil || newValue != nil { writableDetails.pattern = newValue } }
    }

    /// Lower bound for numbers.
    public internal(set) var minimum: Double? {
        get { details?.minimum }
        set { if details != nil || newValue != nil { writableDetails.minimum = newValue } }
    }

    /// Upper bound for numbers.
    public internal(set) var maximum: Double? {
        get { details?.maximum }
        set { if details != nil || newValue != nil { writableDetails.maximum = newValue } }
    }

    /// Whether `minimum` itself is excluded.
    public internal(set) var exclusiveMinimum: Bool {
        get { details?.exclusiveMinimum ?? false }
        set { if details != nil || newValue { writableDetails.exclusiveMinimum = newValue } }
    }

    /// Whether `maximum` itself is excluded.
    public internal(set) var exclusiveMaximum: Bool {
        get { details?.exclusiveMaximum ?? false }
        set { if details != nil || newValue { writableDetails.exclusiveMaximum = newValue } }
    }

    /// Numbers must be a multiple of this.
    public internal(set) var multipleOf: Double? {
        get { details?.multipleOf }
        set { if details != nil || newValue != nil { writableDetails.multipleOf = newValue } }
    }

    /// Shortest string length, in Unicode scalars.
    public internal(set) var minLength: Int? {
        get { details?.minLength }
        set { if details != nil || newValue != nil { writableDetails.minLength = newValue } }
    }

    /// Longest string length, in Unicode scalars.
    public internal(set) var maxLength: Int? {
        get { details?.maxLength }
        set { if details != nil || newValue != nil { writableDetails.maxLength = newValue } }
    }

    /// Fewest array items.
    public internal(set) var minItems: Int? {
        get { details?.minItems }
        set { if details != nil || newValue != nil { writableDetails.minItems = newValue } }
    }

    /// Most array items.
    public internal(set) var maxItems: Int? {
        get { details?.maxItems }
        set { if details != nil || newValue != nil { writableDetails.maxItems = newValue } }
    }

    /// Fewest object properties.
    public internal(set) var minProperties: Int? {
        get { details?.minProperties }
        set { if details != nil || newValue != nil { writableDetails.minProperties = newValue } }
    }

    /// Most object properties.
    public internal(set) var maxProperties: Int? {
        get { details?.maxProperties }
        set { if details != nil || newValue != nil { writableDetails.maxProperties = newValue } }
    }

    /// Whether array items must be distinct.
    public internal(set) var uniqueItems: Bool {
        get { details?.uniqueItems ?? false }
        set { if details != nil || newValue { writableDetails.uniqueItems = newValue } }
    }

    /// The value must match every one of these.
    public internal(set) var allOf: [Schema] {
        get { details?.allOf ?? [] }
        set { if details != nil || !newValue.isEmpty { writableDetails.allOf = newValue } }
    }

    /// The value must match at least one of these.
    public internal(set) var anyOf: [Schema] {
        get { details?.anyOf ?? [] }
        set { if details != nil || !newValue.isEmpty { writableDetails.anyOf = newValue } }
    }

    /// The value must match exactly one of these.
    public internal(set) var oneOf: [Schema] {
        get { details?.oneOf ?? [] }
        set { if details != nil || !newValue.isEmpty { writableDetails.oneOf = newValue } }
    }

    /// The value must not match this.
    public internal(set) var not: Schema? {
        get { details?.not }
        set { if details != nil || newValue != nil { writableDetails.not = newValue } }
    }

    /// `x-kubernetes-list-type`.
    public internal(set) var listType: ListType? {
        get { details?.listType }
        set { if details != nil || newValue != nil { writableDetails.listType = newValue } }
    }

    /// `x-kubernetes-list-map-keys`.
    public internal(set) var listMapKeys: [String] {
        get { details?.listMapKeys ?? [] }
        set { if details != nil || !newValue.isEmpty { writableDetails.listMapKeys = newValue } }
    }

    /// `x-kubernetes-map-type` (`granular` or `atomic`).
    public internal(set) var mapType: String? {
        get { details?.mapType }
        set { if details != nil || newValue != nil { writableDetails.mapType = newValue } }
    }

    /// `x-kubernetes-patch-strategy` (`merge`, `retainKeys`, `merge,retainKeys`).
    public internal(set) var patchStrategy: String? {
        get { details?.patchStrategy }
        set { if details != nil || newValue != nil { writableDetails.patchStrategy = newValue } }
    }

    /// `x-kubernetes-patch-merge-key`.
    public internal(set) var patchMergeKey: String? {
        get { details?.patchMergeKey }
        set { if details != nil || newValue != nil { writableDetails.patchMergeKey = newValue } }
    }

    /// `x-kubernetes-group-version-kind`: the kinds whose root object this schema describes.
    public internal(set) var groupVersionKinds: [GroupVersionKind] {
        get { details?.groupVersionKinds ?? [] }
        set { if details != nil || !newValue.isEmpty { writableDetails.groupVersionKinds = newValue } }
    }

    /// `x-kubernetes-validations`: CEL rules the value must satisfy (CRD schemas).
    public internal(set) var validations: [CELValidationRule] {
        get { details?.validations ?? [] }
        set { if details != nil || !newValue.isEmpty { writableDetails.validations = newValue } }
    }

    /// The schema node this schema was compiled from, trimmed to what CEL reads, when it carries CEL
    /// rules: CEL reads it to type values as Kubernetes does (formats, list types, declared fields).
    public internal(set) var celSchemaNode: Node? {
        get { details?.celSchemaNode }
        set { if details != nil || newValue != nil { writableDetails.celSchemaNode = newValue } }
    }

    /// At a custom resource's root whose schema has CEL rules anywhere and sets defaults: the part of
    /// the `openAPIV3Schema` that places them, applied before validation, as the API server does.
    public internal(set) var defaultingSchemaNode: Node? {
        get { details?.defaultingSchemaNode }
        set { if details != nil || newValue != nil { writableDetails.defaultingSchemaNode = newValue } }
    }

    /// The details, created on first write.
    /// Whether any of the rarely set constraints kept in the details side object is set; when not,
    /// a validator can skip asking for each of them.
    var hasDetails: Bool { details != nil }

    private var writableDetails: SchemaDetails {
        if let details { return details }
        let created = SchemaDetails()
        details = created
        return created
    }

    /// Creates an empty schema (accepts anything) to be filled by a compiler.
    init() {}

    /// The most properties searched linearly; a schema with more keeps `propertyIndex`.
    static let linearSearchLimit = 12

    /// The schema of a declared property.
    public func property(_ name: String) -> Schema? {
        propertyPosition(name).map { propertySchemas[$0] }
    }

    /// The position of a declared property in `propertyNames` (the last, for a repeated name).
    func propertyPosition(_ name: String) -> Int? {
        if let propertyIndex { return propertyIndex.position(of: name, in: propertyNames) }
        return propertyNames.lastIndex(of: name)
    }

    /// Declares the properties `names` with the parallel `schemas`, replacing any declared before.
    func setProperties(names: [String], schemas: [Schema]) {
        propertyNames = names
        propertySchemas = schemas
        propertyIndex = nil
        indexPropertiesIfMany()
    }

    /// Declares one more property.
    func appendProperty(_ name: String, _ schema: Schema) {
        propertyNames.append(name)
        propertySchemas.append(schema)
        if propertyIndex != nil {
            propertyIndex?.add(name, at: propertyNames.count - 1)
        } else {
            indexPropertiesIfMany()
        }
    }

    /// Replaces the schema of the property at `position`.
    func replaceProperty(at position: Int, with schema: Schema) {
        propertySchemas[position] = schema
    }

    private func indexPropertiesIfMany() {
        guard propertyNames.count > Self.linearSearchLimit else { return }
        propertyIndex = SchemaPropertyIndex(propertyNames)
    }

    /// Whether `null` is an acceptable value.
    public var admitsNull: Bool { types.isEmpty || types.contains(.null) }

    /// Whether this schema or one below it has `special`, following `base`, the properties,
    /// `additionalProperties` and `items` (the steps a value's members and items take): a walk that
    /// rewrites only such values can skip a subtree whose schema does not reach one. Worked out on
    /// first use (the schema is complete and no longer changes by then) and kept.
    public func reaches(_ special: SchemaSpecial) -> Bool {
        var bits = reachedSpecials.load(ordering: .relaxed)
        if bits & 1 == 0 {
            bits = 1
            var visited: Set<ObjectIdentifier> = []
            var pending: [Schema] = [self]
            while let schema = pending.popLast() {
                guard visited.insert(ObjectIdentifier(schema)).inserted else { continue }
                let known = schema.reachedSpecials.load(ordering: .relaxed)
                if known & 1 != 0 {
                    bits |= known
                    continue
                }
                bits |= Self.bit(schema.special)
                if let base = schema.base { pending.append(base) }
                pending.append(contentsOf: schema.propertySchemas)
                if case .schema(let additional) = schema.additionalProperties { pending.append(additional) }
                if let items = schema.items { pending.append(items) }
            }
            reachedSpecials.store(bits, ordering: .relaxed)
        }
        return bits & Self.bit(special) != 0
    }

    /// The bit of `special` in `reachedSpecials` (none for `.none`).
    private static func bit(_ special: SchemaSpecial) -> UInt8 {
        switch special {
        case .none: 0
        case .quantity: 2
        case .intOrString: 4
        }
    }

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
