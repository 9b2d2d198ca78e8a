import KPlanCore

/// One document of a YAML stream.
public struct YAMLDocument: Sendable {
    /// 0-based index of the document in its stream (empty documents count).
    public var index: Int
    /// The document's root node.
    public var root: Node

    /// Creates a document.
    public init(index: Int, root: Node) {
        self.index = index
        self.root = root
    }

    /// True when the document holds nothing (no content, or only a null scalar).
    public var isEmpty: Bool {
        if let scalar = root.scalar, case .null = scalar.value, scalar.style == .plain { return true }
        return false
    }
}

/// What loading a stream produced: the documents read before any error, and the diagnostics.
public struct YAMLStream: Sendable {
    /// The documents, in order. A document cut short by an error is not included.
    public var documents: [YAMLDocument]
    /// Syntax and structure problems, positioned.
    public var diagnostics: [Diagnostic]

    /// Creates a stream result.
    public init(documents: [YAMLDocument], diagnostics: [Diagnostic]) {
        self.documents = documents
        self.diagnostics = diagnostics
    }
}

/// Bounds that keep hostile input from exhausting memory or stack.
public struct YAMLLimits: Sendable {
    /// Deepest nesting of mappings and sequences accepted.
    public var maxDepth: Int
    /// Most nodes that aliases may expand to in one document, beyond which the document is refused.
    public var maxAliasExpansion: Int

    /// Creates limits.
    public init(maxDepth: Int = 256, maxAliasExpansion: Int = 100_000) {
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    /// The limits kplan uses.
    public static let standard = YAMLLimits()
}
