internal import CLibYAML
import KPlanCore

/// Loads YAML (and JSON, which is YAML) into positioned `Node` trees with libyaml.
///
/// Aliases are resolved (sharing the anchored subtree) within the expansion limit, merge keys (`<<`)
/// are applied, duplicate keys are reported with both positions, and every libyaml error becomes a
/// positioned `yaml.syntax` diagnostic. Loading never traps on bad input.
public enum YAMLLoader {
    /// Loads every document of `bytes`, reporting problems against `file`.
    public static func load(_ bytes: [UInt8], file: String, limits: YAMLLimits = .standard) -> YAMLStream {
        var builder = TreeBuilder(file: file, limits: limits)
        bytes.withUnsafeBufferPointer { buffer in
            builder.run(buffer)
        }
        return YAMLStream(documents: builder.documents, diagnostics: builder.diagnostics)
    }

    /// Runs libyaml's event loop over `bytes` and counts the events, building nothing.
    ///
    /// This is the benchmark's baseline: the cost of parsing alone. Returns -1 on a syntax error.
    public static func countEvents(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer -> Int in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return -1 }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var count = 0
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return -1 }
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                count += 1
                if done { return count }
            }
        }
    }
}

/// libyaml marks are 0-based; users see 1-based positions. This is the one place that converts.
private func position(_ mark: yaml_mark_t) -> SourcePosition {
    SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
}

private func string(_ pointer: UnsafePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
}

private func string(_ pointer: UnsafePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
}

/// Turns libyaml events into nodes, one document at a time.
private struct TreeBuilder {
    enum Frame {
        case mapping(entries: [MappingEntry], pendingKey: Node?, start: SourcePosition, anchor: String?)
        case sequence(items: [Node], start: SourcePosition, anchor: String?)
    }

    let file: String
    let limits: YAMLLimits
    var documents: [YAMLDocument] = []
    var diagnostics: [Diagnostic] = []

    private var stack: [Frame] = []
    private var anchors: [String: (node: Node, size: Int)] = [:]
    private var documentIndex = 0
    private var root: Node?
    private var aliasExpansion = 0
    /// Node counts of the subtrees under construction, parallel to `stack`, for alias accounting.
    private var sizes: [Int] = []
    private var lastSize = 0

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            report(.error, "yaml.syntax", "libyaml could not be initialised", at: SourcePosition(line: 1, column: 1))
            return
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportParserError(parser)
                return
            }
            let finished = event.type == YAML_STREAM_END_EVENT
            let keepGoing = handle(event)
            yaml_event_delete(&event)
            if finished || !keepGoing { return }
        }
    }

    private mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = string(parser.problem) ?? "invalid YAML"
        var mark = parser.problem_mark
        // For reader errors (bad encoding), libyaml reports a byte offset, not a line/column mark.
        if parser.error == YAML_READER_ERROR {
            mark = parser.mark
        }
        var message = problem
        var notes: [Diagnostic.Note] = []
        if let context = string(parser.context) {
            message = "\(problem) (\(context))"
            let contextPosition = position(parser.context_mark)
            if contextPosition != position(mark) {
                notes.append(.init(context, at: SourceLocation(file: file, range: SourceRange(at: contextPosition))))
            }
        }
        if parser.error == YAML_READER_ERROR {
            message += " at byte offset \(parser.problem_offset)"
        }
        if problem.contains("tab") || problem.contains("cannot start any token") {
            notes.append(.init("YAML forbids tabs for indentation; use spaces"))
        }
        diagnostics.append(Diagnostic(
            .error, code: "yaml.syntax", message: message,
            at: SourceLocation(file: file, range: SourceRange(at: position(mark))), notes: notes))
    }

    private mutating func report(_ severity: Severity, _ code: String, _ message: String, at start: SourcePosition,
                                 end: SourcePosition? = nil, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(
            severity, code: code, message: message,
            at: SourceLocation(file: file, range: SourceRange(start: start, end: end ?? start)), notes: notes))
    }

    /// Handles one event; returns false to stop reading the stream.
    private mutating func handle(_ event: yaml_event_t) -> Bool {
        let start = position(event.start_mark)
        let end = position(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            stack.removeAll(keepingCapacity: true)
            sizes.removeAll(keepingCapacity: true)
            anchors.removeAll(keepingCapacity: true)
            root = nil
            aliasExpansion = 0
        case YAML_DOCUMENT_END_EVENT:
            if let root { documents.append(YAMLDocument(index: documentIndex, root: root)) }
            documentIndex += 1
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: data.value, count: Int(data.length)), as: UTF8.self)
            let style: ScalarStyle
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let tag = string(data.tag)
            let scalar = Scalar(text: text, style: style, tag: tag,
                                value: ScalarResolver.resolve(text, style: style, tag: tag))
            let node = Node(.scalar(scalar), range: SourceRange(start: start, end: end))
            if let anchor = string(data.anchor) { anchors[anchor] = (node, 1) }
            return add(node, size: 1)
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                report(.error, "yaml.unknown-anchor", "alias *\(name) refers to no anchor defined before it", at: start, end: end)
                return false
            }
            aliasExpansion += target.size
            if aliasExpansion > limits.maxAliasExpansion {
                report(.error, "yaml.alias-expansion",
                       "aliases in this document expand to more than \(limits.maxAliasExpansion) nodes; refusing to expand it (a \"billion laughs\" document?)",
                       at: start, end: end)
                return false
            }
            return add(target.node, size: target.size)
        case YAML_SEQUENCE_START_EVENT:
            guard stack.count < limits.maxDepth else {
                report(.error, "yaml.too-deep", "nesting deeper than \(limits.maxDepth) levels is refused", at: start, end: end)
                return false
            }
            stack.append(.sequence(items: [], start: start, anchor: string(event.data.sequence_start.anchor)))
            sizes.append(1)
        case YAML_MAPPING_START_EVENT:
            guard stack.count < limits.maxDepth else {
                report(.error, "yaml.too-deep", "nesting deeper than \(limits.maxDepth) levels is refused", at: start, end: end)
                return false
            }
            stack.append(.mapping(entries: [], pendingKey: nil, start: start, anchor: string(event.data.mapping_start.anchor)))
            sizes.append(1)
        case YAML_SEQUENCE_END_EVENT:
            guard case .sequence(let items, let seqStart, let anchor)? = stack.popLast() else { return false }
            let size = sizes.removeLast()
            let node = Node(.sequence(items), range: SourceRange(start: seqStart, end: end))
            if let anchor { anchors[anchor] = (node, size) }
            return add(node, size: size)
        case YAML_MAPPING_END_EVENT:
            guard case .mapping(var entries, _, let mapStart, let anchor)? = stack.popLast() else { return false }
            let size = sizes.removeLast()
            applyMergeKeys(&entries)
            checkDuplicateKeys(entries)
            let node = Node(.mapping(entries), range: SourceRange(start: mapStart, end: end))
            if let anchor { anchors[anchor] = (node, size) }
            return add(node, size: size)
        default:
            break
        }
        return true
    }

    /// Attaches a finished node to its parent (or makes it the document root).
    private mutating func add(_ node: Node, size: Int) -> Bool {
        guard var top = stack.popLast() else {
            root = node
            return true
        }
        sizes[sizes.count - 1] += size
        switch top {
        case .sequence(var items, let start, let anchor):
            items.append(node)
            top = .sequence(items: items, start: start, anchor: anchor)
        case .mapping(var entries, let pendingKey, let start, let anchor):
            if let key = pendingKey {
                entries.append(MappingEntry(key: key, value: node))
                top = .mapping(entries: entries, pendingKey: nil, start: start, anchor: anchor)
            } else {
                top = .mapping(entries: entries, pendingKey: node, start: start, anchor: anchor)
            }
        }
        stack.append(top)
        return true
    }

    /// Applies YAML merge keys: `<<: *base` or `<<: [*a, *b]`; explicit keys win, earlier sources win.
    private mutating func applyMergeKeys(_ entries: inout [MappingEntry]) {
        guard entries.contains(where: { $0.key.scalar?.text == "<<" && $0.key.scalar?.style == .plain }) else { return }
        var own: [MappingEntry] = []
        var merged: [MappingEntry] = []
        for entry in entries {
            guard entry.key.scalar?.text == "<<", entry.key.scalar?.style == .plain else {
                own.append(entry)
                continue
            }
            let sources: [Node]
            switch entry.value.content {
            case .mapping: sources = [entry.value]
            case .sequence(let items): sources = items
            case .scalar:
                report(.error, "yaml.merge", "a merge key (<<) needs a mapping or a list of mappings",
                       at: entry.value.range.start, end: entry.value.range.end)
                continue
            }
            for source in sources {
                guard let sourceEntries = source.entries else {
                    report(.error, "yaml.merge", "a merge key (<<) needs a mapping or a list of mappings",
                           at: source.range.start, end: source.range.end)
                    continue
                }
                merged.append(contentsOf: sourceEntries)
            }
        }
        var seen = Set(own.map(\.name))
        var result = own
        for entry in merged where !seen.contains(entry.name) {
            seen.insert(entry.name)
            result.append(entry)
        }
        entries = result
    }

    private mutating func checkDuplicateKeys(_ entries: [MappingEntry]) {
        guard entries.count > 1 else { return }
        var firstByName: [String: MappingEntry] = [:]
        firstByName.reserveCapacity(entries.count)
        for entry in entries {
            guard entry.key.scalar != nil else { continue }
            let name = entry.name
            if let first = firstByName[name] {
                report(.error, "yaml.duplicate-key",
                       "duplicate key \"\(name)\" (first defined at line \(first.key.range.start.line), column \(first.key.range.start.column))",
                       at: entry.key.range.start, end: entry.key.range.end,
                       notes: [.init("first defined here", at: SourceLocation(file: file, range: first.key.range))])
            } else {
                firstByName[name] = entry
            }
        }
    }
}
