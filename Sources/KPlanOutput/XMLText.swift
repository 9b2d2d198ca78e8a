/// Escaping for XML 1.0 text and attribute values.
enum XMLText {
    /// `text` safe inside an element: `&`, `<` and `>` escaped, characters XML forbids as U+FFFD.
    static func content(_ text: String) -> String {
        escape(text, attribute: false)
    }

    /// `text` safe inside a double-quoted attribute: also `"`, `'`, and tab, CR and LF as character
    /// references so parsers keep them.
    static func attribute(_ text: String) -> String {
        escape(text, attribute: true)
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where attribute: output += "&quot;"
            case "'" where attribute: output += "&apos;"
            case "\t" where attribute: output += "&#9;"
            case "\n" where attribute: output += "&#10;"
            case "\r": output += "&#13;"
            case "\t", "\n":
                output.unicodeScalars.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                output.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return output
    }
}
