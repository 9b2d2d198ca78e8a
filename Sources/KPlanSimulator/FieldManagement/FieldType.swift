import KPlanCore
import KPlanValidation

/// How server-side apply treats a value, read from its schema as Kubernetes' schema converter does;
/// without a schema (preserved unknown fields, unknown kinds) the type is deduced from the value:
/// objects are granular maps, lists atomic.
struct FieldType {
    /// How a list merges.
    enum ListKind: Equatable {
        /// Replaced as a whole.
        case atomic
        /// Scalar items merged by value.
        case set
        /// Object items merged by these key fields.
        case map(keys: [String])
    }

    /// The schema, nil when deduced.
    let schema: Schema?

    /// The first value `read` finds on the schema, its `$ref` base, or its `allOf` branches.
    private func first<T>(_ read: (Schema) -> T?) -> T? {
        guard let schema else { return nil }
        return Self.first(in: schema, read)
    }

    private static func first<T>(in schema: Schema, _ read: (Schema) -> T?) -> T? {
        if let found = read(schema) { return found }
        if let base = schema.base, let found = first(in: base, read) { return found }
        for branch in schema.allOf {
            if let found = first(in: branch, read) { return found }
        }
        return nil
    }

    /// How a list value of this type merges.
    var listKind: ListKind {
        guard schema != nil else { return .atomic }
        if let listType = first({ $0.listType }) {
            switch listType {
            case .atomic: return .atomic
            case .set: return .set
            case .map: return .map(keys: first { $0.listMapKeys.isEmpty ? nil : $0.listMapKeys } ?? [])
            }
        }
        if let strategy = first({ $0.patchStrategy }), strategy.split(separator: ",").contains("merge") {
            if let key = first({ $0.patchMergeKey }) { return .map(keys: [key]) }
            return .set
        }
        return .atomic
    }

    /// Whether an object value of this type is replaced as a whole (`x-kubernetes-map-type: atomic`).
    var isAtomicMap: Bool {
        first { $0.mapType } == "atomic"
    }

    /// The type of list items.
    var items: FieldType {
        FieldType(schema: first { $0.items })
    }

    /// Whether `name` is a declared property (a struct field rather than a map key).
    func declares(_ name: String) -> Bool {
        first { $0.property(name) } != nil
    }

    /// The type of an object member: the declared property, else the `additionalProperties` schema,
    /// else deduced.
    func member(_ name: String) -> FieldType {
        if let property = first({ $0.property(name) }) { return FieldType(schema: property) }
        return FieldType(schema: first { schema -> Schema? in
            if case .schema(let values) = schema.additionalProperties { return values }
            return nil
        })
    }

    /// Whether this type is a struct (declares properties): its node is not itself tracked when it
    /// first appears, as Kubernetes' typed objects always hold their struct fields.
    var isStruct: Bool {
        first { $0.declaresProperties && !$0.propertyNames.isEmpty ? true : nil } ?? false
    }

    /// Whether `name` is a required property: Kubernetes' typed objects always hold such a field
    /// (it has no `omitempty`), so its node never appears or disappears by itself.
    func requires(_ name: String) -> Bool {
        first { $0.required.contains(name) ? true : nil } ?? false
    }

    /// The default of a member, used for a missing list-map key field: the schema's, else for
    /// built-in kinds the one Kubernetes declares for such keys (`+default="TCP"` on port
    /// protocols), which the embedded schema bundle does not carry.
    func defaultValue(of name: String) -> JSONValue? {
        if let declared = first({ $0.property(name) }).flatMap({ property in Self.first(in: property) { $0.defaultValue } }) {
            return JSONValue(declared)
        }
        guard first({ $0.definitionName })?.hasPrefix("io.k8s.api.") == true else { return nil }
        return Self.builtinKeyDefaults[name]
    }

    /// Defaults Kubernetes declares for list-map key fields of built-in kinds.
    private static let builtinKeyDefaults: [String: JSONValue] = ["protocol": "TCP"]
}
