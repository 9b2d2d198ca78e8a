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
    /// Trims the schema nodes kept for CEL; share one across the versions of a CRD.
    var nodeTrimmer = SchemaNodeTrimmer()
    /// Shares identical sub-schemas, when set.
    var interner: SchemaInterner?

    /// Compiles `node`; a bare `$ref` yields the referenced definition's schema itself, and with an
    /// `interner`, an identical schema compiled before may be returned.
    mutating func compile(_ node: Node) -> Schema {
        if let resolveReference, let entries = node.entries, let reference = node["$ref"]?.string {
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
        return interner?.intern(schema) ?? schema
    }

    /// Sets `schema`'s fields from the keywords of `node`.
    mutating func fill(_ schema: Schema, from node: Node) {
        guard let entries = node.entries else {
            problems.append(Problem(message: "a schema must be an object, not \(node.typeName)", node: node))
            return
        }
        var nullable = false
        for entry in entries {
            guard let keyword = Keyword.named(entry.name) else { continue }
            let value = entry.value
            switch keyword {
            case .type:
                schema.types = types(value)
            case .nullable:
                nullable = value.bool ?? false
            case .properties:
                guard let properties = value.entries else {
                    problems.append(Problem(message: "properties must be an object", node: value))
                    continue
                }
                var names: [String] = []
                var schemas: [Schema] = []
                names.reserveCapacity(properties.count)
                schemas.reserveCapacity(properties.count)
                for property in properties {
                    names.append(property.name)
                    schemas.append(compile(property.value))
                }
                schema.declaresProperties = true
                schema.setProperties(names: names, schemas: schemas)
            case .required:
                schema.required = strings(value)
            case .items:
                if value.entries != nil {
                    schema.items = compile(value)
                } else if let first = value.items?.first {
                    schema.items = compile(first)
                }
            case .additionalProperties:
                if let allowed = value.bool {
                    schema.additionalProperties = allowed ? .allowed : .forbidden
                } else if value.entries != nil {
                    schema.additionalProperties = .schema(compile(value))
                }
            case .default:
                schema.defaultValue = value
            case .enum:
                schema.enumValues = (value.items ?? []).map(Self.literal)
            case .format:
                if let name = value.string { schema.format = SchemaFormat(name: name) }
            case .pattern:
                guard let source = value.string else { continue }
                do {
                    schema.pattern = try SchemaPattern.shared(source)
                } catch {
                    problems.append(Problem(message: "pattern \"\(source)\" is not a valid regular expression", node: value))
                }
            case .minimum:
                schema.minimum = number(value)
            case .maximum:
                schema.maximum = number(value)
            case .exclusiveMinimum:
                if let flag = value.bool {
                    schema.exclusiveMinimum = flag
                } else if let bound = number(value) {
                    schema.minimum = bound
                    schema.exclusiveMinimum = true
                }
            case .exclusiveMaximum:
                if let flag = value.bool {
                    schema.exclusiveMaximum = flag
                } else if let bound = number(value) {
                    schema.maximum = bound
                    schema.exclusiveMaximum = true
                }
            case .multipleOf:
                schema.multipleOf = number(value)
            case .minLength: schema.minLength = value.int.map(Int.init)
            case .maxLength: schema.maxLength = value.int.map(Int.init)
            case .minItems: schema.minItems = value.int.map(Int.init)
            case .maxItems: schema.maxItems = value.int.map(Int.init)
            case .minProperties: schema.minProperties = value.int.map(Int.init)
            case .maxProperties: schema.maxProperties = value.int.map(Int.init)
            case .uniqueItems: schema.uniqueItems = value.bool ?? false
            case .allOf: schema.allOf = (value.items ?? []).map { compile($0) }
            case .anyOf: schema.anyOf = (value.items ?? []).map { compile($0) }
            case .oneOf: schema.oneOf = (value.items ?? []).map { compile($0) }
            case .not: schema.not = compile(value)
            case .xKubernetesIntOrString:
                if value.bool == true { schema.special = .intOrString }
            case .xKubernetesPreserveUnknownFields:
                schema.preservesUnknownFields = value.bool ?? false
            case .xKubernetesEmbeddedResource:
                schema.isEmbeddedResource = value.bool ?? false
            case .xKubernetesListType:
                schema.listType = value.string.flatMap(ListType.init(rawValue:))
            case .xKubernetesListMapKeys:
                schema.listMapKeys = strings(value)
            case .xKubernetesMapType:
                schema.mapType = value.string
            case .xKubernetesPatchStrategy:
                schema.patchStrategy = value.string
            case .xKubernetesPatchMergeKey:
                schema.patchMergeKey = value.string
            case .xKubernetesValidations:
                schema.validations = CELValidationRule.rules(of: node)
                if !schema.validations.isEmpty { schema.celSchemaNode = nodeTrimmer.celSchema(node) }
                for (rule, entry) in zip(schema.validations, value.items ?? []) {
                    if case .failure(let error) = rule.expression {
                        problems.append(Problem(
                            message: "x-kubernetes-validations rule does not compile: \(error)", node: entry["rule"] ?? entry))
                    }
                }
            case .xKubernetesGroupVersionKind:
                schema.groupVersionKinds = (value.items ?? []).compactMap { item in
                    guard let version = item["version"]?.string, let kind = item["kind"]?.string else { return nil }
                    return GroupVersionKind(group: item["group"]?.string ?? "", version: version, kind: kind)
                }
            }
        }
        if nullable, !schema.types.isEmpty { schema.types.insert(.null) }
        if schema.special == .intOrString {
            // A structural int-or-string schema spells its two types as anyOf branches; the special covers them.
            schema.anyOf = []
            schema.oneOf = []
        }
    }

    /// The keywords the compiler reads; any other key of a schema is ignored.
    private enum Keyword: String, CaseIterable {
        case type
        case nullable
        case properties
        case required
        case items
        case additionalProperties
        case `default`
        case `enum`
        case format
        case pattern
        case minimum
        case maximum
        case exclusiveMinimum
        case exclusiveMaximum
        case multipleOf
        case minLength
        case maxLength
        case minItems
        case maxItems
        case minProperties
        case maxProperties
        case uniqueItems
        case allOf
        case anyOf
        case oneOf
        case not
        case xKubernetesIntOrString = "x-kubernetes-int-or-string"
        case xKubernetesPreserveUnknownFields = "x-kubernetes-preserve-unknown-fields"
        case xKubernetesEmbeddedResource = "x-kubernetes-embedded-resource"
        case xKubernetesListType = "x-kubernetes-list-type"
        case xKubernetesListMapKeys = "x-kubernetes-list-map-keys"
        case xKubernetesMapType = "x-kubernetes-map-type"
        case xKubernetesPatchStrategy = "x-kubernetes-patch-strategy"
        case xKubernetesPatchMergeKey = "x-kubernetes-patch-merge-key"
        case xKubernetesGroupVersionKind = "x-kubernetes-group-version-kind"
        case xKubernetesValidations = "x-kubernetes-validations"

        /// The keywords by the length of their names in bytes: most keys of a schema (`description`)
        /// are not keywords, and are told apart by their length and a comparison or two instead of
        /// by hashing.
        private static let byLength: [[Keyword]] = {
            var table = [[Keyword]](repeating: [], count: allCases.map(\.rawValue.utf8.count).max()! + 1)
            for keyword in allCases { table[keyword.rawValue.utf8.count].append(keyword) }
            return table
        }()

        /// The keyword spelled `name`, nil for any other key.
        static func named(_ name: String) -> Keyword? {
            let length = name.utf8.count
            guard length < byLength.count else { return nil }
            return byLength[length].first { $0.rawValue == name }
        }
    }

    private mutating func types(_ node: Node) -> SchemaTypes {
        var types: SchemaTypes = []
        func add(_ name: String) {
            guard let type = SchemaTypes(name: name) else {
                problems.append(Problem(message: "unknown type \"\(name)\"", node: node))
                return
            }
            types.insert(type)
        }
        // Almost every schema names one type: read it without building a list.
        if let name = node.string {
            add(name)
        } else {
            for item in node.items ?? [] {
                if let name = item.string { add(name) }
            }
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
