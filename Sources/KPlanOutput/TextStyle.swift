import KPlanCore

/// ANSI styling for text output, or none: every method returns its input unchanged when colour is off.
struct TextStyle: Sendable {
    /// Whether escape sequences are emitted.
    var color: Bool

    /// Bold text (locations and messages).
    func bold(_ text: String) -> String { wrap(text, "1") }

    /// Bold text in the severity's colour: red errors, yellow warnings, cyan info.
    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: wrap(text, "1;31")
        case .warning: wrap(text, "1;33")
        case .info: note(text)
        }
    }

    /// Bold cyan text (notes).
    func note(_ text: String) -> String { wrap(text, "1;36") }

    /// `text` between the escape sequence for SGR `code` and a reset, when colour is on and `text` is not empty.
    func wrap(_ text: String, _ code: String) -> String {
        color && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
