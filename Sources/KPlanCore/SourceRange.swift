/// A 1-based line and column in a source file (columns count Unicode scalars, as libyaml does).
///
/// Stored in 32 bits each: every node of every parsed tree carries two positions, so their size is
/// most of a tree's memory.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    /// 1-based column number.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    /// Creates a position from 1-based line and column numbers (clamped to 0…4,294,967,295).
    public init(line: Int, column: Int) {
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open range of source text: `start` is the first character, `end` the position after the last.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    /// The first character of the range.
    public var start: SourcePosition
    /// The position just past the last character of the range.
    public var end: SourcePosition

    /// Creates a range from its two ends.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// A zero-width range at a position.
    public init(at position: SourcePosition) {
        self.init(start: position, end: position)
    }

    public var description: String { "\(start)-\(end)" }
}

/// A range inside a named file (`-` is standard input).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The path as the user gave it (or `-` for stdin).
    public var file: String
    /// The range inside the file.
    public var range: SourceRange

    /// Creates a location.
    public init(file: String, range: SourceRange) {
        self.file = file
        self.range = range
    }

    public var description: String { "\(file):\(range.start.line):\(range.start.column)" }
}
