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
        var documents: [YAMLDocument] = []
        let diagnostics = forEachDocument(bytes, file: file, limits: limits) { documents.append($0) }
        return YAMLStream(documents: documents, diagnostics: diagnostics)
    }

    /// Streams `bytes` one document at a time, so a caller can drop each tree before the next is built.
    ///
    /// Returns the diagnostics; a document cut short by an error is not passed to `body`.
    public static func forEachDocument(
        _ bytes: [UInt8], file: String, limits: YAMLLimits = .standard, _ body: (YAMLDocument) -> Void
    ) -> [Diagnostic] {
        withoutActuallyEscaping(body) { body in
            var builder = TreeBuilder(file: file, limits: limits, inputSize: bytes.count, onDocument: body)
            bytes.withUnsafeBufferPointer { buffer in
                builder.run(buffer)
            }
            return builder.diagnostics
        }
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
/// Inlined: it runs twice per event, and the call cost as much as the conversion.
@inline(__always)
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
///
/// Finished nodes wait on one value stack; an open collection remembers where its children start, and
/// takes them off the stack in one slice when it ends (mapping children alternate key, value).
private struct TreeBuilder {
    struct OpenCollection {
        var isMapping: Bool
        var start: SourcePosition
        var anchor: String?
        /// Index into `values` of the collection's first child.
        var firstChild: Int
        /// `nodeCount` when the collection opened: its subtree's size is the count since, plus itself.
        var nodesBefore: Int
    }

    let file: String
    let limits: YAMLLimits
    let onDocument: (YAMLDocument) -> Void
    var diagnostics: [Diagnostic] = []

    private var open: [OpenCollection] = []
    private let values = NodeStack()
    private var anchors: [String: (node: Node, size: Int)] = [:]
    private let scalarCache: ScalarCache
    private var documentIndex = 0
    private var root: Node?
    private var aliasExpansion = 0
    /// Nodes built in this document so far, counting alias expansions, for the alias limit.
    private var nodeCount = 0
    /// Whether a plain `<<` scalar has been read in this stream: until one is, no mapping can have a
    /// merge key, and finished mappings are not searched for one.
    private var mayHaveMergeKeys = false

    init(file: String, limits: YAMLLimits, inputSize: Int, onDocument: @escaping (YAMLDocument) -> Void) {
        self.file = file
        self.limits = limits
        scalarCache = ScalarCache(inputSize: inputSize)
        self.onDocument = onDocument
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
            open.removeAll(keepingCapacity: true)
            values.removeAll()
            anchors.removeAll(keepingCapacity: true)
            root = nil
            aliasExpansion = 0
            nodeCount = 0
        case YAML_DOCUMENT_END_EVENT:
            if let root { onDocument(YAMLDocument(index: documentIndex, root: root)) }
            root = nil
            documentIndex += 1
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let bytes = UnsafeBufferPointer(start: data.value, count: Int(data.length))
            let style: ScalarStyle
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            if style == .plain, bytes.count == 2, bytes[0] == UInt8(ascii: "<"), bytes[1] == UInt8(ascii: "<") {
                mayHaveMergeKeys = true
            }
            let scalar = data.tag == nil && bytes.count <= ScalarCache.maxLength
                ? cachedScalar(bytes, style: style, start: start, end: end)
                : makeScalar(bytes, style: style, tag: string(data.tag), start: start, end: end).scalar
            let node = Node(.scalar(scalar), range: SourceRange(start: start, end: end))
            if let anchor = string(data.anchor) { anchors[anchor] = (node, 1) }
            nodeCount += 1
            add(node)
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
            nodeCount += target.size
            add(target.node)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard open.count < limits.maxDepth else {
                report(.error, "yaml.too-deep", "nesting deeper than \(limits.maxDepth) levels is refused", at: start, end: end)
                return false
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? string(event.data.mapping_start.anchor) : string(event.data.sequence_start.anchor)
            open.append(OpenCollection(isMapping: isMapping, start: start, anchor: anchor, firstChild: values.count, nodesBefore: nodeCount))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let collection = open.popLast() else { return false }
            let node = finish(collection, end: end)
            nodeCount += 1
            if let anchor = collection.anchor { anchors[anchor] = (node, nodeCount - collection.nodesBefore) }
            add(node)
        default:
            break
        }
        return true
    }

    /// The untagged scalar with these bytes and style, shared with an earlier one when the cache has it.
    private mutating func cachedScalar(_ bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle,
                                       start: SourcePosition, end: SourcePosition) -> Scalar {
        let slot = scalarCache.slot(bytes, style: style)
        if let scalar = scalarCache.scalar(in: slot, bytes: bytes, style: style) { return scalar }
        let (scalar, warned) = makeScalar(bytes, style: style, tag: nil, start: start, end: end)
        if !warned { scalarCache.store(scalar, bytes: bytes, style: style, in: slot) }
        return scalar
    }

    /// A new scalar from its bytes, and whether it drew a warning (which a cached copy would not repeat).
    private mutating func makeScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, tag: String?, start: SourcePosition, end: SourcePosition
    ) -> (scalar: Scalar, warned: Bool) {
        let text = String(decoding: bytes, as: UTF8.self)
        let value = style == .plain && tag == nil
            ? ScalarResolver.resolvePlain(bytes, text: text) : ScalarResolver.resolve(text, style: style, tag: tag)
        let scalar = Scalar(text: text, style: style, tag: tag, value: value)
        guard style == .plain, tag == nil, case .string = value, let first = text.utf8.first,
              first <= UInt8(ascii: "9"), ScalarResolver.isSexagesimal(text) else { return (scalar, false) }
        report(.warning, "yaml.sexagesimal",
               "`\(text)` is a YAML 1.1 base-60 number to some tools (PyYAML, Ruby) but the string \"\(text)\" to Kubernetes; quote it so every tool reads the same value",
               at: start, end: end)
        return (scalar, true)
    }

    /// Builds a collection node from its children, moving them off the value stack.
    private mutating func finish(_ collection: OpenCollection, end: SourcePosition) -> Node {
        let range = SourceRange(start: collection.start, end: end)
        guard collection.isMapping else {
            return Node(.sequence(values.popItems(from: collection.firstChild)), range: range)
        }
        var entries = values.popEntries(from: collection.firstChild)
        if mayHaveMergeKeys { applyMergeKeys(&entries) }
        checkDuplicateKeys(entries)
        return Node(.mapping(entries), range: range)
    }

    /// Puts a finished node on the value stack for its parent, or makes it the document root.
    private mutating func add(_ node: consuming Node) {
        guard !open.isEmpty else {
            root = node
            return
        }
        values.push(node)
    }

    /// Applies YAML merge keys: `<<: *base` or `<<: [*a, *b]`; explicit keys win, earlier sources win.
    private mutating func applyMergeKeys(_ entries: inout [MappingEntry]) {
        guard entries.contains(where: isMergeKey) else { return }
        var own: [MappingEntry] = []
        var merged: [MappingEntry] = []
        for entry in entries {
            guard isMergeKey(entry) else {
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

    /// True for a plain `<<` key (its length is checked first: most keys are not 2 bytes long).
    private func isMergeKey(_ entry: MappingEntry) -> Bool {
        entry.hasName("<<") && entry.key.scalar?.style == .plain
    }

    private mutating func checkDuplicateKeys(_ entries: [MappingEntry]) {
        guard entries.count > 1 else { return }
        if entries.count <= 12 {
            // Scalar keys are compared in place, lengths first, without copying whole entries.
            for later in 1..<entries.count {
                guard case .scalar(let key) = entries[later].key.content else { continue }
                let name = key.text
                for earlier in 0..<later {
                    guard case .scalar = entries[earlier].key.content, entries[earlier].hasName(name) else { continue }
                    reportDuplicate(entries[later], first: entries[earlier])
                    break
                }
            }
            return
        }
        var firstByName: [String: MappingEntry] = [:]
        firstByName.reserveCapacity(entries.count)
        for entry in entries where entry.key.scalar != nil {
            if let first = firstByName[entry.name] {
                reportDuplicate(entry, first: first)
            } else {
                firstByName[entry.name] = entry
            }
        }
    }

    private mutating func reportDuplicate(_ entry: MappingEntry, first: MappingEntry) {
        report(.error, "yaml.duplicate-key",
               "duplicate key \"\(entry.name)\" (first defined at line \(first.key.range.start.line), column \(first.key.range.start.column))",
               at: entry.key.range.start, end: entry.key.range.end,
               notes: [.init("first defined here", at: SourceLocation(file: file, range: first.key.range))])
    }
}
