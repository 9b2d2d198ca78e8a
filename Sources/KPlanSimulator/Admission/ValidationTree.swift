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
    /// Each line's parent line and the step from it (index 0 is unused: lines are 1-based; the root
    /// has no step). Paths are rebuilt from these only when a finding needs one.
    private var lineSteps: [(parent: Int, step: Step?)] = [(0, nil)]

    /// Builds the tree of `value`.
    init(_ value: JSONValue) {
        root = Node(.sequence([]), range: SourceRange(at: SourcePosition(line: 1, column: 1)))
        root = build(value, parent: 0, step: nil)
    }

    private mutating func build(_ value: JSONValue, parent: Int, step: Step?) -> Node {
        lineSteps.append((parent, step))
        let line = lineSteps.count - 1
        let range = SourceRange(at: SourcePosition(line: line, column: 1))
        switch value {
        case .object(let members):
            var entries: [MappingEntry] = []
            entries.reserveCapacity(members.count)
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                let keyNode = Node(.scalar(Scalar(text: key, style: .plain, tag: nil, value: .string(key))),
                                   range: SourceRange(at: SourcePosition(line: lineSteps.count, column: 2)))
                entries.append(MappingEntry(key: keyNode, value: build(member, parent: line, step: .key(key))))
            }
            return Node(.mapping(entries), range: range)
        case .array(let items):
            var nodes: [Node] = []
            nodes.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                nodes.append(build(item, parent: line, step: .index(index)))
            }
            return Node(.sequence(nodes), range: range)
        case .null, .bool, .int, .double, .string:
            // A JSON value's type is what it is: tagged, so the validators read no YAML 1.1 ambiguity
            // into an unquoted number or boolean.
            return Node(.scalar(value.scalar(tag: Self.tag(of: value))!), range: range)
        }
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
        guard lineSteps.indices.contains(position.line), position.line > 0 else { return [] }
        var steps: [Step] = []
        var line = position.line
        while line > 0, let step = lineSteps[line].step {
            steps.append(step)
            line = lineSteps[line].parent
        }
        return steps.reversed()
    }

    /// The position of the field at `path`, or of its nearest ancestor present in the tree.
    func position(of path: [Step]) -> SourcePosition {
        var prefix = path
        while !prefix.isEmpty {
            if let line = lineSteps.indices.dropFirst().first(where: { self.path(at: SourcePosition(line: $0, column: 1)) == prefix }) {
                return SourcePosition(line: line, column: 1)
            }
            prefix.removeLast()
        }
        return SourcePosition(line: 1, column: 1)
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
