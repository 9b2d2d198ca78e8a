import KPlanCore

/// Compiles a schema written as a YAML/JSON node (a bundle definition, a CRD's `openAPIV3Schema`)
/// into `Schema` objects.
struct SchemaCompiler {
    /// A keyword the compiler could not use, and the node that holds it.
    struct Problem {
        /// What is wrong.
        var message: String
        /// The offending node.
        var node: Node
    }

    /// Resolves a `$ref` (`#/$defs/NAME`) to its definition; nil when refs are not allowed (CRDs).
    var resolveReference: ((String) -> Schema?)?
    /// What could not be compiled.
    var problems: [Problem] = []

    /// Compiles `node`; a bare `$ref` yields the referenced definition's schema itself.
    mutating func compile(_ node: Node) -> Schema {
        if let entries = node.entries, let reference = node["$ref"]?.string, let resolveReference {
            guard let target = resolveReference(reference) else {
                problems.append(Problem(message: "unresolved reference \(reference)", node: node))
                return Schema()
            }
            if entries.count == 1 { return target }
            let schema = Schema()
            schema.base = target
            fill(schema, from: node)
            return schema
        }
        let schema = Schema()
        fill(schema, from: node)
        return schema
    }

    /// Sets `schema`'s fields from the keywords of `node`.
    mutating func fill(_ schema: Schema, from node: Node) {
        guard let entries = node.entries else {
            problems.append(Problem(message: "a schema must be an object, not \(node.typeName)", node: node))
            return
        }
        var nullable = false
        for entry in entries {
            let value = entry.value
            switch entry.name {
            case "type":
                schema.types = types(value)
            case "nullable":
                nullable = value.bool ?? false
            case "properties":
                guard let properties = value.entries else {
                    problems.append(Problem(message: "properties must be an object", node: value))
                    continue
                }
                schema.declaresProperties = true
                for property in properties {
                    schema.propertyIndex[property.name] = schema.propertyNames.count
                    schema.propertyNames.append(property.name)
                    schema.propertySchemas.append(compile(property.value))
                }
            case "required":
                schema.required = strings(value)
            case "items":
                if value.entries != nil {
                    schema.items = compile(value)
                } else if let first = value.items?.first {
                    schema.items = compile(first)
                }
            case "additionalProperties":
                if let allowed = value.bool {
                    schema.additionalProperties = allowed ? .allowed : .forbidden
                } else if value.entries != nil {
                    schema.additionalProperties = .schema(compile(value))
                }
            case "default":
                schema.defaultValue = value
            case "enum":
                schema.enumValues = (value.items ?? []).map(Self.literal)
            case "format":
                if let name = value.string { schema.format = SchemaFormat(name: name) }
            case "pattern":
                guard let source = value.string else { continue }
                do {
                    schema.pattern = try SchemaPattern(source)
                } catch {
                    problems.append(Problem(message: "pattern \"\(source)\" is not a valid regular expression", node: value))
                }
            case "minimum":
                schema.minimum = number(value)
            case "maximum":
                schema.maximum = number(value)
            case "exclusiveMinimum":
                if let flag = value.bool {
                    schema.exclusiveMinimum = flag
                } else if let bound = number(value) {
                    schema.minimum = bound
                    schema.exclusiveMinimum = true
                }
            case "exclusiveMaximum":
                if let flag = value.bool {
                    schema.exclusiveMaximum = flag
                } else if let bound = number(value) {
                    schema.maximum = bound
                    schema.exclusiveMaximum = true
                }
            case "multipleOf":
                schema.multipleOf = number(value)
            case "minLength": schema.minLength = value.int.map(Int.init)
            case "maxLength": schema.maxLength = value.int.map(Int.init)
            case "minItems": schema.minItems = value.int.map(Int.init)
            case "maxItems": schema.maxItems = value.int.map(Int.init)
            case "minProperties": schema.minProperties = value.int.map(Int.init)
            case "maxProperties": schema.maxProperties = value.int.map(Int.init)
            case "uniqueItems": schema.uniqueItems = value.bool ?? false
            case "allOf": schema.allOf = (value.items ?? []).map { compile($0) }
            case "anyOf": schema.anyOf = (value.items ?? []).map { compile($0) }
            case "oneOf": schema.oneOf = (value.items ?? []).map { compile($0) }
            case "not": schema.not = compile(value)
            case "x-kubernetes-int-or-string":
                if value.bool == true { schema.special = .intOrString }
            case "x-kubernetes-preserve-unknown-fields":
                schema.preservesUnknownFields = value.bool ?? false
            case "x-kubernetes-embedded-resource":
                schema.isEmbeddedResource = value.bool ?? false
            case "x-kubernetes-list-type":
                schema.listType = value.string.flatMap(ListType.init(rawValue:))
            case "x-kubernetes-list-map-keys":
                schema.listMapKeys = strings(value)
            case "x-kubernetes-map-type":
                schema.mapType = value.string
            case "x-kubernetes-patch-strategy":
                schema.patchStrategy = value.string
            case "x-kubernetes-patch-merge-key":
                schema.patchMergeKey = value.string
            case "x-kubernetes-group-version-kind":
                schema.groupVersionKinds = (value.items ?? []).compactMap { item in
                    guard let version = item["version"]?.string, let kind = item["kind"]?.string else { return nil }
                    return GroupVersionKind(group: item["group"]?.string ?? "", version: version, kind: kind)
                }
            default:
                break
            }
        }
        if nullable, !schema.types.isEmpty { schema.types.insert(.null) }
        if schema.special == .intOrString {
            // A structural int-or-string schema spells its two types as anyOf branches; the special covers them.
            schema.anyOf = []
            schema.oneOf = []
        }
    }

    private mutating func types(_ node: Node) -> SchemaTypes {
        let names = node.items?.compactMap(\.string) ?? node.string.map { [$0] } ?? []
        var types: SchemaTypes = []
        for name in names {
            guard let type = SchemaTypes(name: name) else {
                problems.append(Problem(message: "unknown type \"\(name)\"", node: node))
                continue
            }
            types.insert(type)
        }
        if types.contains(.number) { types.insert(.integer) }
        return types
    }

    private func strings(_ node: Node) -> [String] {
        node.items?.compactMap(\.string) ?? []
    }

    private func number(_ node: Node) -> Double? {
        switch node.scalar?.value {
        case .int(let value)?: Double(value)
        case .float(let value)?: value
        case .null?, .bool?, .string?, .timestamp?, nil: nil
        }
    }

    /// A literal from an `enum` list.
    static func literal(_ node: Node) -> SchemaValue {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .int(let value): return .number(Double(value))
            case .float(let value): return .number(value)
            case .string(let value): return .string(value)
            case .timestamp: return .string(scalar.text)
            }
        case .mapping, .sequence:
            return .composite(node.typeName)
        }
    }
}
