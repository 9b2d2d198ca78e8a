import KPlanCore

/// A ``SourceRange`` in half the space (32-bit lines and columns), for facts kept for every object.
struct LintRange: Sendable, Hashable {
    private let startLine: UInt32
    private let startColumn: UInt32
    private let endLine: UInt32
    private let endColumn: UInt32

    /// The compact form of `range`; positions beyond 32 bits are clamped.
    init(_ range: SourceRange) {
        startLine = UInt32(clamping: range.start.line)
        startColumn = UInt32(clamping: range.start.column)
        endLine = UInt32(clamping: range.end.line)
        endColumn = UInt32(clamping: range.end.column)
    }

    /// The range.
    var source: SourceRange {
        SourceRange(start: SourcePosition(line: Int(startLine), column: Int(startColumn)),
                    end: SourcePosition(line: Int(endLine), column: Int(endColumn)))
    }
}
