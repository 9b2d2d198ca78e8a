import KPlanCore

/// The compiler-style lines of a diagnostic, shared by the text and JUnit formats.
///
/// Text from the input (paths, codes, messages) passes through `Terminal.safe` before styling.
enum DiagnosticText {
    /// `path:line:col: error[code]: message`.
    static func headline(_ diagnostic: Diagnostic, style: TextStyle) -> String {
        let label = "\(diagnostic.severity.rawValue)[\(Terminal.safe(diagnostic.code))]"
        return style.bold(Terminal.safe("\(diagnostic.location):")) + " "
            + style.severity(diagnostic.severity, label) + style.bold(": " + Terminal.safe(diagnostic.message))
    }

    /// `  note: path:line:col: message`, or `  note: message` when the note has no location.
    static func note(_ note: Diagnostic.Note, style: TextStyle) -> String {
        let place = note.location.map { "\($0): " } ?? ""
        return "  " + style.note("note:") + " " + Terminal.safe(place + note.message)
    }

    /// The headline followed by one line per note, joined with line feeds.
    static func plain(_ diagnostic: Diagnostic) -> String {
        let style = TextStyle(color: false)
        return ([headline(diagnostic, style: style)] + diagnostic.notes.map { note($0, style: style) })
            .joined(separator: "\n")
    }
}
