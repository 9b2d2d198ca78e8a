import KPlanCore

/// A YAML node tree built from a JSON object for the lint module's validators, in which every node
/// has its own line: line `n` is the `n`-th field path. A finding's position then says which field
/// it is about, though the object never had a source file.
struct ValidationTree {
    /// One step of a path: an object member or an array index.
    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    /// The tree's root node.
    private(set) var root: Node
    /// The value the tree holds, walked again in the same order when a finding needs its path.
    private let value: JSONValue

    /// Where a value sits, as far as leaving out the contents of `fieldsV1` goes.
    private enum Place {
        case root, metadata, managedFields, managedFieldsEntry, elsewhere

        /// The place of member `key` of an object here.
        func member(_ key: String) -> Place {
            switch self {
            case .root: key == "metadata" ? .metadata : .elsewhere
            case .metadata: key == "managedFields" ? .managedFields : .elsewhere
            case .managedFields, .managedFieldsEntry, .elsewhere: .elsewhere
            }
        }

        /// The place of an item of an array here.
        var item: Place { self == .managedFields ? .managedFieldsEntry : .elsewhere }

        /// Whether member `key` here is a managed-fields entry's `fieldsV1`, whose contents are left out.
        func isOpaque(_ key: String) -> Bool { self == .managedFieldsEntry && key == "fieldsV1" }
    }

    /// Builds the tree of `value`.
    ///
    /// The contents of managed-fields entries' `fieldsV1` are left out (each stays an object): the
    /// API keeps FieldsV1 as opaque JSON that validation never reads (the field manager decodes it),
    /// and since it mirrors every field the object sets, building it would double the tree.
    init(_ value: JSONValue) {
        self.value = value
        var line = 0
        root = Self.build(value, line: &line, at: .root)
    }

    /// The node of `value`; `line` is the last line given out, and each node takes the next one.
    private static func build(_ value: JSONValue, line: inout Int, at place: Place) -> Node {
        line += 1
        let range = SourceRange(at: SourcePosition(line: line, column: 1))
        switch value {
        case .object(let members):
            var entries: [MappingEntry] = []
            entries.reserveCapacity(members.count)
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                // A key sits on the line of its value, which is the next one.
                let keyNode = Node(.scalar(Scalar(text: key, style: .plain, tag: nil, value: .string(key))),
                                   range: SourceRange(at: SourcePosition(line: line + 1, column: 2)))
                let shown: JSONValue = if place.isOpaque(key), case .object = member { .object([:]) } else { member }
                entries.append(MappingEntry(key: keyNode, value: build(shown, line: &line, at: place.member(key))))
            }
            return Node(.mapping(entries), range: range)
        case .array(let items):
            var nodes: [Node] = []
            nodes.reserveCapacity(items.count)
            for item in items {
                nodes.append(build(item, line: &line, at: place.item))
            }
            return Node(.sequence(nodes), range: range)
        case .null, .bool, .int, .double, .string:
            // A JSON value's type is what it is: tagged, so the validators read no YAML 1.1 ambiguity
            // into an unquoted number or boolean.
            return Node(.scalar(value.scalar(tag: Self.tag(of: value))!), range: range)
        }
    }

    /// Each line's parent line and the step from it (index 0 is unused: lines are 1-based; the root
    /// has no step), found by walking the value in the order `build` numbered it. Only findings
    /// need paths, so they are not recorded while building.
    private var lineSteps: [(parent: Int, step: Step?)] {
        var steps: [(parent: Int, step: Step?)] = [(0, nil)]
        func walk(_ value: JSONValue, parent: Int, step: Step?, at place: Place) {
            steps.append((parent, step))
            let line = steps.count - 1
            switch value {
            case .object(let members):
                for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                    let shown: JSONValue = if place.isOpaque(key), case .object = member { .object([:]) } else { member }
                    walk(shown, parent: line, step: .key(key), at: place.member(key))
                }
            case .array(let items):
                for (index, item) in items.enumerated() {
                    walk(item, parent: line, step: .index(index), at: place.item)
                }
            case .null, .bool, .int, .double, .string:
                break
            }
        }
        walk(value, parent: 0, step: nil, at: .root)
        return steps
    }

    /// The tag of a JSON value's type (`tag:yaml.org,2002:integer`), made once rather than per node.
    private static func tag(of value: JSONValue) -> String {
        switch value {
        case .null: nullTag
        case .bool: booleanTag
        case .int: integerTag
        case .double: numberTag
        case .string: stringTag
        case .array, .object: "tag:yaml.org,2002:" + value.typeName
        }
    }

    private static let nullTag = "tag:yaml.org,2002:null"
    private static let booleanTag = "tag:yaml.org,2002:boolean"
    private static let integerTag = "tag:yaml.org,2002:integer"
    private static let numberTag = "tag:yaml.org,2002:number"
    private static let stringTag = "tag:yaml.org,2002:string"

    /// The field path a finding at `position` is about; a key's column (2) names the member itself.
    func path(at position: SourcePosition) -> [Step] {
        Self.path(at: position.line, in: lineSteps)
    }

    /// The position of the field at `path`, or of its nearest ancestor present in the tree.
    func position(of path: [Step]) -> SourcePosition {
        let lineSteps = lineSteps
        var prefix = path
        while !prefix.isEmpty {
            if let line = lineSteps.indices.dropFirst().first(where: { Self.path(at: $0, in: lineSteps) == prefix }) {
                return SourcePosition(line: line, column: 1)
            }
            prefix.removeLast()
        }
        return SourcePosition(line: 1, column: 1)
    }

    /// The path of the node on `line`, read from its ancestors' steps.
    private static func path(at line: Int, in lineSteps: [(parent: Int, step: Step?)]) -> [Step] {
        guard lineSteps.indices.contains(line), line > 0 else { return [] }
        var steps: [Step] = []
        var line = line
        while line > 0, let step = lineSteps[line].step {
            steps.append(step)
            line = lineSteps[line].parent
        }
        return steps.reversed()
    }

    /// A path as the API server prints it: `spec.template.spec.containers[0].image`,
    /// `metadata.labels[app.kubernetes.io/name]`.
    static func render(_ path: [Step]) -> String {
        var text = ""
        for step in path {
            switch step {
            case .key(let name):
                if name.contains(".") || name.contains("/") {
                    text += "[\(name)]"
                } else {
                    text += text.isEmpty ? name : "." + name
                }
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// The value at `path` in `value`, nil when absent.
    static func value(at path: [Step], in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for step in path {
            switch step {
            case .key(let name): current = current?[name]
            case .index(let index):
                guard let items = current?.array, items.indices.contains(index) else { return nil }
                current = items[index]
            }
        }
        return current
    }
}
