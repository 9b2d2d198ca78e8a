/// Keeps text from the input from driving the terminal: control characters become U+FFFD.
enum Terminal {
    /// `scalar`, or U+FFFD for a control character other than tab.
    static func safe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar != "\t" && scalar.properties.generalCategory == .control ? "\u{FFFD}" : scalar
    }

    /// `text` with every control character except tab and line feed replaced by U+FFFD.
    static func safe(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(scalar == "\n" ? scalar : safe(scalar))
        }
        return String(result)
    }
}
