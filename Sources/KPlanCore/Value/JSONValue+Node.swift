extension JSONValue {
    /// The value Kubernetes' decoder makes of a YAML node: scalars as go-yaml v2 resolves them,
    /// timestamps as their text, duplicate keys keeping the last value.
    public init(_ node: Node) {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: self = .null
            case .bool(let flag): self = .bool(flag)
            case .int(let number): self = .int(number)
            case .float(let number): self = .double(number)
            case .timestamp(let text), .string(let text): self = .string(text)
            }
        case .sequence(let items):
            self = .array(items.map(JSONValue.init))
        case .mapping(let entries):
            // Dictionary(_:uniquingKeysWith:) allocates at the final size from code specialized here
            // (init(minimumCapacity:) looks the storage class up in the runtime for every mapping).
            self = .object(Dictionary(entries.lazy.map { ($0.name, JSONValue($0.value)) }, uniquingKeysWith: { _, last in last }))
        }
    }

    /// A YAML node tree holding this value, every node at `range` (objects that never had a source
    /// file — stored objects, API requests — are validated as such trees). Keys are sorted.
    public func node(at range: SourceRange) -> Node {
        switch self {
        case .null, .bool, .int, .double, .string:
            return Node(.scalar(scalar(tag: nil)!), range: range)
        case .array(let items):
            return Node(.sequence(items.map { $0.node(at: range) }), range: range)
        case .object(let members):
            let entries = members.keys.sorted().map { key in
                MappingEntry(
                    key: Node(.scalar(Scalar(text: key, style: .plain, tag: nil, value: .string(key))), range: range),
                    value: members[key]!.node(at: range))
            }
            return Node(.mapping(entries), range: range)
        }
    }

    /// The YAML scalar of a JSON scalar (strings double-quoted, so they read as strings), with `tag`;
    /// nil for arrays and objects.
    public func scalar(tag: String?) -> Scalar? {
        switch self {
        case .null: Scalar(text: "null", style: .plain, tag: tag, value: .null)
        case .bool(let flag): Scalar(text: flag ? "true" : "false", style: .plain, tag: tag, value: .bool(flag))
        case .int(let number): Scalar(text: String(number), style: .plain, tag: tag, value: .int(number))
        case .double(let number): Scalar(text: String(number), style: .plain, tag: tag, value: .float(number))
        case .string(let text): Scalar(text: text, style: .doubleQuoted, tag: tag, value: .string(text))
        case .array, .object: nil
        }
    }
}
