import KPlanCore

/// Cuts the schema nodes that compiled schemas keep for CEL down to the keywords CEL reads, and
/// shares identical trimmed subtrees, so a CRD's YAML tree (descriptions, patterns, rules) is not kept
/// alive by its compiled schema.
///
/// `CELSchema` reads `type`, `format`, `nullable`, `properties`, `additionalProperties`, `items`,
/// `x-kubernetes-list-type` and `x-kubernetes-preserve-unknown-fields`; `CELDefaulting` reads
/// `properties`, `additionalProperties`, `items`, `default` and `nullable`. Both only look keywords
/// up by name (the last of repeated keys wins, as it does here) and never read a schema node's
/// position, so a trimmed node answers every lookup they make as the original does. Use one trimmer
/// per CRD: identical subtrees of its versions are then stored once.
final class SchemaNodeTrimmer {
    private var sharedNodes: [String: (node: Node, key: String)] = [:]

    /// What makes two CEL-trimmed schema mappings the same: the ids of their kept keyword values
    /// (`noValue` when absent) and of their trimmed sub-schemas, and the declared property names.
    /// Ids stand for whole trimmed subtrees, so a key costs no text building, however deep the schema.
    private struct CELKey: Hashable {
        var keywords: [Int]
        var propertyNames: [String]?
        var children: [Int]
    }

    /// The id of a keyword value or sub-schema that is absent.
    private static let noValue = -1
    /// Ids of the scalar values kept (`type: object`, `nullable: true`), by scalar.
    private var celScalarIDs: [Scalar: Int] = [:]
    /// Ids of other kept values, by content key (a `type` written as a list, say).
    private var celValueIDs: [String: Int] = [:]
    /// The trimmed mappings, and their ids, by content.
    private var celMappings: [CELKey: (node: Node, id: Int)] = [:]
    /// The shared empty list (what a list-valued schema trims to) and a trimmed scalar schema, by id.
    private var celOtherNodes: [Int: Node] = [:]
    /// The next id to hand out.
    private var nextCELID = 0

    /// The part of schema `node` that CEL reads to type values (see `CELSchema`).
    func celSchema(_ node: Node) -> Node {
        celTrimmed(node).node
    }

    /// The part of schema `node` that `CELDefaulting.apply(to:schema:)` reads, or nil when it sets no
    /// default anywhere (applying it would change nothing).
    func defaultingSchema(_ node: Node) -> Node? {
        defaultingTrimmed(node)?.node
    }

    private static let celScalarKeywords = [
        "type", "format", "nullable", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-list-type",
    ]

    /// The trimmed node and its id: equal ids mean equal trimmed content.
    private func celTrimmed(_ node: Node) -> (node: Node, id: Int) {
        switch node.content {
        case .scalar:
            let id = celValueID(node)
            if let shared = celOtherNodes[id] { return (shared, id) }
            celOtherNodes[id] = node
            return (node, id)
        case .sequence:
            let id = celValueID(Node(.sequence([]), range: node.range))
            if let shared = celOtherNodes[id] { return (shared, id) }
            let empty = Node(.sequence([]), range: node.range)
            celOtherNodes[id] = empty
            return (empty, id)
        case .mapping:
            var entries: [MappingEntry] = []
            var key = CELKey(keywords: [], children: [])
            key.keywords.reserveCapacity(Self.celScalarKeywords.count)
            for keyword in Self.celScalarKeywords {
                guard let entry = node.entry(keyword) else {
                    key.keywords.append(Self.noValue)
                    continue
                }
                entries.append(entry)
                key.keywords.append(celValueID(entry.value))
            }
            if let properties = node.entry("properties") {
                let trimmed: Node
                if let declared = properties.value.entries {
                    var children: [MappingEntry] = []
                    var names: [String] = []
                    children.reserveCapacity(declared.count)
                    names.reserveCapacity(declared.count)
                    key.children.reserveCapacity(declared.count + 2)
                    for property in declared {
                        let child = celTrimmed(property.value)
                        children.append(MappingEntry(key: property.key, value: child.node))
                        names.append(property.name)
                        key.children.append(child.id)
                    }
                    key.propertyNames = names
                    trimmed = Node(.mapping(children), range: properties.value.range)
                } else {
                    let child = celTrimmed(properties.value)
                    key.children.append(child.id)
                    trimmed = child.node
                }
                entries.append(MappingEntry(key: properties.key, value: trimmed))
            } else {
                key.children.append(Self.noValue)
            }
            for keyword in ["additionalProperties", "items"] {
                guard let entry = node.entry(keyword) else {
                    key.children.append(Self.noValue)
                    continue
                }
                let trimmed = celTrimmed(entry.value)
                entries.append(MappingEntry(key: entry.key, value: trimmed.node))
                key.children.append(trimmed.id)
            }
            if let shared = celMappings[key] { return shared }
            let stored = (node: Node(.mapping(entries), range: node.range), id: nextCELID)
            nextCELID += 1
            celMappings[key] = stored
            return stored
        }
    }

    /// The id of a kept keyword value or of a non-mapping schema, by content.
    private func celValueID(_ value: Node) -> Int {
        if let scalar = value.scalar {
            if let id = celScalarIDs[scalar] { return id }
            celScalarIDs[scalar] = nextCELID
        } else {
            let key = Self.contentKey(value)
            if let id = celValueIDs[key] { return id }
            celValueIDs[key] = nextCELID
        }
        nextCELID += 1
        return nextCELID - 1
    }

    /// The trimmed schema, nil when neither it nor anything below it has a `default`.
    private func defaultingTrimmed(_ node: Node) -> (node: Node, key: String)? {
        guard node.entries != nil else { return nil }
        var entries: [MappingEntry] = []
        var key = "{"
        let additional = node.entry("additionalProperties").flatMap { entry in
            entry.value.entries == nil ? nil : defaultingTrimmed(entry.value).map { (entry.key, $0) }
        }
        if let properties = node.entry("properties"), let declared = properties.value.entries {
            var children: [MappingEntry] = []
            var childKey = "{"
            for property in declared {
                if let child = defaultingTrimmed(property.value) {
                    children.append(MappingEntry(key: property.key, value: child.node))
                    childKey += "\(Self.delimited(property.name))=\(child.key),"
                } else if additional != nil {
                    // Kept without content so the property is not looked up in additionalProperties.
                    children.append(MappingEntry(key: property.key, value: Node(.mapping([]), range: property.value.range)))
                    childKey += "\(Self.delimited(property.name))={},"
                }
            }
            if !children.isEmpty {
                let trimmed = share(Node(.mapping(children), range: properties.value.range), key: childKey + "}")
                entries.append(MappingEntry(key: properties.key, value: trimmed.node))
                key += "properties=\(trimmed.key),"
            }
        }
        if let (name, trimmed) = additional {
            entries.append(MappingEntry(key: name, value: trimmed.node))
            key += "additionalProperties=\(trimmed.key),"
        }
        if let items = node.entry("items"), let trimmed = defaultingTrimmed(items.value) {
            entries.append(MappingEntry(key: items.key, value: trimmed.node))
            key += "items=\(trimmed.key),"
        }
        if let defaultValue = node.entry("default") {
            entries.append(defaultValue)
            key += "default=\(Self.contentKey(defaultValue.value)),"
            if let nullable = node.entry("nullable") {
                entries.append(nullable)
                key += "nullable=\(Self.contentKey(nullable.value)),"
            }
        }
        guard !entries.isEmpty else { return nil }
        return share(Node(.mapping(entries), range: node.range), key: key + "}")
    }

    /// The node stored for `key`, storing `node` when there is none yet; the returned key names it.
    private func share(_ node: Node, key: String) -> (node: Node, key: String) {
        if let shared = sharedNodes[key] { return shared }
        let stored = (node: node, key: "#\(sharedNodes.count)")
        sharedNodes[key] = stored
        return stored
    }

    /// A text that differs for nodes whose content (not position) differs.
    private static func contentKey(_ node: Node) -> String {
        var key = ""
        appendContentKey(node, to: &key)
        return key
    }

    /// Appends the content key of `node`: every part either fixed or length-prefixed, so the key
    /// reads back one way only. Built by hand: interpolating the enums would print them by reflection.
    private static func appendContentKey(_ node: Node, to key: inout String) {
        switch node.content {
        case .scalar(let scalar):
            key += "("
            switch scalar.style {
            case .plain: key += "p"
            case .singleQuoted: key += "s"
            case .doubleQuoted: key += "d"
            case .literal: key += "l"
            case .folded: key += "f"
            }
            if let tag = scalar.tag { key += "!" + delimited(tag) } else { key += "-" }
            key += delimited(scalar.text)
            switch scalar.value {
            case .null: key += "n"
            case .bool(let value): key += value ? "T" : "F"
            case .int(let value): key += "i\(value)"
            case .float(let value): key += "f\(value.bitPattern)"
            case .timestamp(let text): key += "t" + delimited(text)
            case .string(let text): key += "s" + delimited(text)
            }
            key += ")"
        case .mapping(let entries):
            key += "{"
            for index in entries.indices {
                appendContentKey(entries[index].key, to: &key)
                key += "="
                appendContentKey(entries[index].value, to: &key)
                key += ","
            }
            key += "}"
        case .sequence(let items):
            key += "["
            for index in items.indices {
                appendContentKey(items[index], to: &key)
                key += ","
            }
            key += "]"
        }
    }

    /// `text` prefixed with its length in bytes, so it ends where the length says.
    private static func delimited(_ text: String) -> String { "\(text.utf8.count):\(text)" }
}
