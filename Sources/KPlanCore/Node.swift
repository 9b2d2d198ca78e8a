/// How a scalar was written in the source.
public enum ScalarStyle: Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}

/// A scalar's value as Kubernetes' YAML decoder (go-yaml v2, YAML 1.1 rules) resolves it.
public enum ScalarValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    /// A plain scalar go-yaml v2 reads as a timestamp; Kubernetes re-encodes it as an RFC 3339 string.
    case timestamp(String)
    case string(String)

    /// The JSON type name of the value, as a schema names it.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .float: "number"
        case .timestamp, .string: "string"
        }
    }
}

/// A YAML scalar: its source text, how it was written, and what it resolves to.
///
/// Stored as one shared immutable object, so a scalar is a single reference: copying a node or reading
/// its scalar costs one retain, and a tree needs one allocation per scalar (plus long texts).
public struct Scalar: Sendable, Hashable {
    @usableFromInline
    final class Storage: Sendable {
        @usableFromInline let text: String
        @usableFromInline let style: ScalarStyle
        @usableFromInline let tag: String?
        /// The resolved value, or nil for the most common case: the string `text` itself.
        @usableFromInline let resolved: ScalarValue?

        init(text: String, style: ScalarStyle, tag: String?, value: ScalarValue) {
            self.text = text
            self.style = style
            self.tag = tag
            if case .string(let string) = value, string == text {
                resolved = nil
            } else {
                resolved = value
            }
        }
    }

    @usableFromInline var storage: Storage

    /// The scalar's text after YAML unescaping/folding.
    public var text: String {
        @inlinable get { storage.text }
        set { storage = Storage(text: newValue, style: style, tag: tag, value: value) }
    }

    /// How it was written.
    public var style: ScalarStyle {
        @inlinable get { storage.style }
        set { storage = Storage(text: text, style: newValue, tag: tag, value: value) }
    }

    /// An explicit tag (`!!str`, `!!int`, a local tag), if any.
    public var tag: String? {
        @inlinable get { storage.tag }
        set { storage = Storage(text: text, style: style, tag: newValue, value: value) }
    }

    /// The value it resolves to.
    public var value: ScalarValue {
        @inlinable get { storage.resolved ?? .string(storage.text) }
        set { storage = Storage(text: text, style: style, tag: tag, value: newValue) }
    }

    /// Creates a scalar.
    public init(text: String, style: ScalarStyle, tag: String?, value: ScalarValue) {
        storage = Storage(text: text, style: style, tag: tag, value: value)
    }

    /// The resolved value rendered as a string, as Kubernetes would see it where a string is read.
    @inlinable
    public var stringValue: String? {
        guard let resolved = storage.resolved else { return storage.text }
        if case .string(let s) = resolved { return s }
        return nil
    }

    public static func == (lhs: Scalar, rhs: Scalar) -> Bool {
        lhs.text == rhs.text && lhs.style == rhs.style && lhs.tag == rhs.tag && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(style)
        hasher.combine(tag)
        hasher.combine(value)
    }
}

/// One `key: value` pair of a mapping, both with positions.
public struct MappingEntry: Sendable {
    /// The key node (almost always a scalar).
    public let key: Node
    /// The value node.
    public let value: Node

    /// Creates an entry.
    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }

    /// The key as a string: the scalar text for scalar keys, `""` otherwise. Read from the key's
    /// scalar rather than stored: a stored copy made every entry a third larger, and cost a retain
    /// and a release per entry of every tree for keys longer than 15 bytes.
    @inlinable
    public var name: String {
        if case .scalar(let scalar) = key.content { return scalar.storage.text }
        return ""
    }

    /// Whether the key is `name`. The lengths are compared first: they are stored in the strings
    /// themselves, so most other keys are told apart without calling into the string comparison.
    @inlinable
    public func hasName(_ name: String) -> Bool {
        guard case .scalar(let scalar) = key.content else { return name.isEmpty }
        let text = scalar.storage.text
        return text.utf8.count == name.utf8.count && text == name
    }
}

/// A YAML node with its 1-based source range: a scalar, a mapping or a sequence.
///
/// Aliases are resolved at load time: an aliased subtree is shared, and keeps the anchor's positions.
/// Merge keys (`<<`) are applied; the merged entries keep their original positions.
public struct Node: Sendable {
    /// The node's content. Every payload is a single reference (`Scalar` is one object), so the enum
    /// needs no boxing: a collection node costs only its array.
    public enum Content: Sendable {
        case scalar(Scalar)
        case mapping([MappingEntry])
        case sequence([Node])
    }

    /// What the node holds.
    public var content: Content
    /// Where it is in the source.
    public var range: SourceRange

    /// Creates a node.
    public init(_ content: Content, range: SourceRange) {
        self.content = content
        self.range = range
    }

    /// The scalar, if this node is one.
    @inlinable
    public var scalar: Scalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The entries, if this node is a mapping.
    @inlinable
    public var entries: [MappingEntry]? {
        if case .mapping(let e) = content { return e }
        return nil
    }

    /// The items, if this node is a sequence.
    @inlinable
    public var items: [Node]? {
        if case .sequence(let i) = content { return i }
        return nil
    }

    /// True for a null scalar (`~`, `null`, empty).
    @inlinable
    public var isNull: Bool {
        if case .scalar(let s) = content, case .null? = s.storage.resolved { return true }
        return false
    }

    /// The resolved string value of a string scalar, else nil.
    @inlinable
    public var string: String? { scalar?.stringValue }

    /// The value of an integer scalar, else nil.
    @inlinable
    public var int: Int64? {
        if case .scalar(let s) = content, case .int(let i)? = s.storage.resolved { return i }
        return nil
    }

    /// The value of a boolean scalar, else nil.
    @inlinable
    public var bool: Bool? {
        if case .scalar(let s) = content, case .bool(let b)? = s.storage.resolved { return b }
        return nil
    }

    /// The entry for `key` in a mapping (the last one, as Kubernetes' decoder keeps the last duplicate).
    @inlinable
    public func entry(_ key: String) -> MappingEntry? {
        guard case .mapping(let entries) = content, let index = Self.lastIndex(of: key, in: entries) else { return nil }
        return entries[index]
    }

    /// The value for `key` in a mapping (without copying the whole entry: checks read values this way
    /// on every node).
    @inlinable
    public subscript(_ key: String) -> Node? {
        guard case .mapping(let entries) = content, let index = Self.lastIndex(of: key, in: entries) else { return nil }
        return entries[index].value
    }

    @usableFromInline
    static func lastIndex(of key: String, in entries: [MappingEntry]) -> Int? {
        var index = entries.endIndex
        while index > entries.startIndex {
            index -= 1
            if entries[index].hasName(key) { return index }
        }
        return nil
    }

    /// The value at a path of mapping keys.
    public subscript(path keys: String...) -> Node? {
        var node: Node? = self
        for key in keys { node = node?[key] }
        return node
    }

    /// A short name for the node's YAML type, for messages ("mapping", "sequence", "string", …).
    public var typeName: String {
        switch content {
        case .scalar(let s): s.value.typeName
        case .mapping: "object"
        case .sequence: "array"
        }
    }
}
