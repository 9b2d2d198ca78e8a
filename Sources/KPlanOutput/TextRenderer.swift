import KPlanCore

/// Compiler-style text: for each diagnostic, `path:line:col: error[code]: message`, the source line
/// under a line-number gutter with `^~~~` under the range, and its notes; a blank line between
/// diagnostics; the summary line last.
///
/// ```
/// deploy.yaml:7:16: warning[lint.latest-tag]: image uses the latest tag
///  7 |         image: nginx:latest
///    |                ^~~~~~~~~~~~
///   note: deploy.yaml:2:3: in this Deployment
///
/// 1 file, 1 document, 1 resource: 0 errors, 1 warning, 0 info
/// ```
///
/// The source block is left out when the file's text is not in the report or the line is past its end.
/// Control characters from the input print as U+FFFD.
public struct TextRenderer: ReportRenderer {
    /// Whether ANSI colour is used: red errors, yellow warnings, cyan info and notes, bold messages.
    public var color: Bool

    /// Creates a text renderer.
    public init(color: Bool = false) {
        self.color = color
    }

    /// Renders every diagnostic with its source line, then the summary.
    public func render(_ report: LintReport) -> String {
        let style = TextStyle(color: color)
        var lines = LineCache(sources: report.sources)
        var output = ""
        for diagnostic in report.diagnostics {
            output += DiagnosticText.headline(diagnostic, style: style) + "\n"
            let start = diagnostic.location.range.start
            if let line = lines.line(start.line, of: diagnostic.location.file) {
                let snippet = SourceSnippet(line: line, range: diagnostic.location.range)
                let number = String(start.line)
                let blank = String(repeating: " ", count: number.count)
                output += " \(number) | \(snippet.source)\n"
                let marks = snippet.marker.drop { $0 == " " }
                let indent = snippet.marker.dropLast(marks.count)
                output += " \(blank) | \(indent)" + style.severity(diagnostic.severity, String(marks)) + "\n"
            }
            for note in diagnostic.notes {
                output += DiagnosticText.note(note, style: style) + "\n"
            }
            output += "\n"
        }
        return output + report.summary + "\n"
    }
}

/// Where each source line starts, found once per file, so many diagnostics in one large file stay
/// cheap; a line's text is decoded only when it is shown.
private struct LineCache {
    let sources: [String: SourceFile]
    /// Per file, the byte offset at which each line starts.
    var starts: [String: [Int]] = [:]

    init(sources: [String: SourceFile]) {
        self.sources = sources
    }

    /// The text of 1-based line `number` of `path` without its line break, as `SourceFile.line` gives it.
    mutating func line(_ number: Int, of path: String) -> String? {
        guard let file = sources[path] else { return nil }
        if starts[path] == nil {
            var offsets = [0]
            for (offset, byte) in file.bytes.enumerated() where byte == UInt8(ascii: "\n") { offsets.append(offset + 1) }
            starts[path] = offsets
        }
        guard let offsets = starts[path], number >= 1, number <= offsets.count else { return nil }
        let start = offsets[number - 1]
        var end = number < offsets.count ? offsets[number] - 1 : file.bytes.count
        if end > start, file.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: file.bytes[start..<end], as: UTF8.self)
    }
}
