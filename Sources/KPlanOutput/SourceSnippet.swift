import KPlanCore

/// A source line made safe for a terminal, with the marker line that goes under it:
/// `^` under the range's first column and `~` under the rest of it on that line.
///
/// Columns count Unicode scalars (1-based). Tabs expand to the next multiple of `tabStop` cells in both
/// lines, wide characters take two cells, and control characters show as U+FFFD, so the caret lines up
/// whatever the terminal's tab width.
struct SourceSnippet: Equatable {
    /// Tab stops every this many cells, as terminals default to.
    static let tabStop = 8
    /// Longer lines are shown as a window of this many characters around the range, with `…` at cut ends.
    static let maxCharacters = 160
    /// How many characters of context the window keeps before the range's first column.
    static let leadingContext = 40

    /// The source line as displayed.
    var source: String
    /// Spaces, then `^` and `~` marks.
    var marker: String

    /// The snippet for `line`, marking `range` (only the part on `range.start.line` is marked).
    init(line: String, range: SourceRange) {
        var scalars = Array(line.unicodeScalars)
        var first = max(range.start.column, 1)
        var pastLast: Int
        if range.end.line == range.start.line {
            pastLast = max(range.end.column, first + 1)
        } else {
            pastLast = max(scalars.count + 1, first + 1)
        }
        var source = ""
        var cell = 0
        var cutAtEnd = false
        if scalars.count > Self.maxCharacters {
            let start = max(0, min(first - 1 - Self.leadingContext, scalars.count - Self.maxCharacters))
            let end = min(scalars.count, start + Self.maxCharacters)
            cutAtEnd = end < scalars.count
            scalars = Array(scalars[start..<end])
            first -= start
            pastLast = min(pastLast - start, scalars.count + 1)
            if start > 0 {
                source = "…"
                cell = 1
            }
        }
        let leadingCells = cell
        let widths = scalars.map { original -> Int in
            let scalar = Terminal.safe(original)
            let width = scalar == "\t" ? Self.tabStop - cell % Self.tabStop : DisplayWidth.of(scalar)
            if scalar == "\t" {
                source += String(repeating: " ", count: width)
            } else {
                source.unicodeScalars.append(scalar)
            }
            cell += width
            return width
        }
        if cutAtEnd { source += "…" }
        var marker = String(repeating: " ", count: leadingCells)
        for column in 1..<max(pastLast, first + 1) {
            let width = column <= widths.count ? widths[column - 1] : 1
            if column < first {
                marker += String(repeating: " ", count: width)
            } else if column == first {
                marker += "^" + String(repeating: pastLast - first > 1 ? "~" : " ", count: max(width - 1, 0))
            } else {
                marker += String(repeating: "~", count: width)
            }
        }
        self.source = source
        while marker.hasSuffix(" ") { marker.removeLast() }
        self.marker = marker
    }
}
