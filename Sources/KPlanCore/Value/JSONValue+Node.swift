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
            var members = [String: JSONValue](minimumCapacity: entries.count)
            for entry in entries { members[entry.name] = JSONValue(entry.value) }
            self = .object(members)
        }
    }

    /// A YAML node tree holding this value, every node at `range` (objects that never had a source
    /// file — stored objects, API requests — are validated as such trees). Keys are sorted.
    public func node(at range: SourceRange) -> Node {
        switch self {
        case .null:
            return Node(.scalar(Scalar(text: "null", style: .plain, tag: nil, value: .null)), range: range)
        case .bool(let flag):
            return Node(.scalar(Scalar(text: flag ? "true" : "false", style: .plain, tag: nil, value: .bool(flag))), range: range)
        case .int(let number):
            return Node(.scalar(Scalar(text: String(number), style: .plain, tag: nil, value: .int(number))), range: range)
        case .double(let number):
            return Node(.scalar(Scalar(text: String(number), style: .plain, tag: nil, value: .float(number))), range: range)
        case .string(let text):
            return Node(.scalar(Scalar(text: text, style: .doubleQuoted, tag: nil, value: .string(text))), range: range)
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
}
