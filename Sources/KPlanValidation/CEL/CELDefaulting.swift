import KPlanCore

/// Applies OpenAPI `default`s to an object, as the API server does before it validates a custom
/// resource: rules often read fields that only a default fills in (gateway-api's `group` and `kind`).
///
/// A property with a `default` that is absent, or null without `nullable: true`, gets the default;
/// defaults apply from the root down, so a defaulted object gets its own properties' defaults too.
/// An inserted value takes the source range of the mapping it was added to, so a diagnostic about it
/// points into the object, not into the CRD.
public enum CELDefaulting {
    /// `value` with the defaults of `schema` (an OpenAPI v3 schema node) applied throughout.
    public static func apply(to value: Node, schema: Node) -> Node {
        switch value.content {
        case .mapping(var entries):
            for property in schema["properties"]?.entries ?? [] {
                guard let defaultValue = property.value["default"] else { continue }
                let existing = value[property.name]
                let nullable = property.value["nullable"]?.bool == true
                guard existing == nil || (existing?.isNull == true && !nullable) else { continue }
                entries.removeAll { $0.name == property.name }
                let name = Scalar(text: property.name, style: .plain, tag: nil, value: .string(property.name))
                let key = Node(.scalar(name), range: value.range)
                entries.append(MappingEntry(key: key, value: relocated(defaultValue, to: value.range)))
            }
            entries = entries.map { entry in
                guard let child = CELSchema.property(entry.name, of: schema) else { return entry }
                return MappingEntry(key: entry.key, value: apply(to: entry.value, schema: child))
            }
            return Node(.mapping(entries), range: value.range)
        case .sequence(let items):
            guard let itemSchema = CELSchema.items(of: schema) else { return value }
            return Node(.sequence(items.map { apply(to: $0, schema: itemSchema) }), range: value.range)
        case .scalar:
            return value
        }
    }

    private static func relocated(_ node: Node, to range: SourceRange) -> Node {
        switch node.content {
        case .scalar: return Node(node.content, range: range)
        case .mapping(let entries):
            let moved = entries.map {
                MappingEntry(key: relocated($0.key, to: range), value: relocated($0.value, to: range))
            }
            return Node(.mapping(moved), range: range)
        case .sequence(let items): return Node(.sequence(items.map { relocated($0, to: range) }), range: range)
        }
    }
}
