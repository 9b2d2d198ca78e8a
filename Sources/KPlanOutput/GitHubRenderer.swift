import KPlanCore

/// GitHub Actions workflow commands, one per diagnostic, that annotate files in a pull request:
/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, `::warning` for warnings and
/// `::notice` for info; then the summary as a plain log line.
///
/// The title is the diagnostic's code; notes follow the message on their own lines. Property values
/// escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF, as the Actions toolkit does.
/// GitHub's end column is inclusive, so it is the range's exclusive end less one; columns are only
/// given an end when the range stays on one line, and empty ranges give no end at all.
public struct GitHubRenderer: ReportRenderer {
    /// Creates a GitHub Actions renderer.
    public init() {}

    /// Renders one workflow command per diagnostic, then the summary.
    public func render(_ report: LintReport) -> String {
        var output = ""
        for diagnostic in report.diagnostics {
            let properties = Self.properties(diagnostic)
                .map { "\($0.0)=\(Self.escapeProperty($0.1))" }
                .joined(separator: ",")
            let message = ([diagnostic.message] + diagnostic.notes.map(Self.noteLine)).joined(separator: "\n")
            output += "::\(Self.command(diagnostic.severity)) \(properties)::\(Self.escapeData(message))\n"
        }
        return output + report.summary + "\n"
    }

    /// The workflow command for a severity.
    private static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// The annotation's properties, in the documented order.
    private static func properties(_ diagnostic: Diagnostic) -> [(String, String)] {
        let range = diagnostic.location.range
        var properties = [
            ("file", diagnostic.location.file),
            ("line", String(range.start.line)),
            ("col", String(range.start.column)),
        ]
        if range.start < range.end {
            if range.end.line == range.start.line {
                properties.append(("endLine", String(range.end.line)))
                properties.append(("endColumn", String(range.end.column - 1)))
            } else {
                properties.append(("endLine", String(range.end.column == 1 ? range.end.line - 1 : range.end.line)))
            }
        }
        properties.append(("title", diagnostic.code))
        return properties
    }

    /// `note: path:line:col: message`, or `note: message`.
    private static func noteLine(_ note: Diagnostic.Note) -> String {
        "note: " + (note.location.map { "\($0): " } ?? "") + note.message
    }

    /// Escapes a command's message: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        escape(text, property: false)
    }

    /// Escapes a property value: `%`, CR, LF, `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escape(text, property: true)
    }

    private static func escape(_ text: String, property: Bool) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            case ":" where property: output += "%3A"
            case "," where property: output += "%2C"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
