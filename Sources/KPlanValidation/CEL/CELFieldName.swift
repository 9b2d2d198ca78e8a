/// Kubernetes' escaping of property names in CEL: `__namespace__` selects `namespace`, `a__dash__b`
/// selects `a-b` (k8s.io/apiserver/pkg/cel/escaping.go).
enum CELFieldName {
    /// The CEL reserved words a property name may collide with.
    static let reservedWords: Set<String> = [
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if",
        "import", "let", "loop", "package", "namespace", "return", "var", "void", "while",
    ]

    private static let replacements: [(escaped: String, plain: String)] = [
        ("__underscores__", "__"), ("__dot__", "."), ("__dash__", "-"), ("__slash__", "/"),
    ]

    /// The property name an escaped CEL identifier stands for.
    static func unescape(_ identifier: String) -> String {
        guard hasDoubleUnderscore(identifier) else { return identifier }
        if identifier.hasPrefix("__"), identifier.hasSuffix("__"), identifier.count > 4 {
            let inner = String(identifier.dropFirst(2).dropLast(2))
            if reservedWords.contains(inner) { return inner }
        }
        var out = ""
        var rest = Substring(identifier)
        outer: while !rest.isEmpty {
            for (escaped, plain) in replacements where rest.hasPrefix(escaped) {
                out += plain
                rest = rest.dropFirst(escaped.count)
                continue outer
            }
            out.append(rest.removeFirst())
        }
        return out
    }

    /// Whether `text` contains `__`, scanning bytes: every field selection asks, and the generic
    /// substring search costs more than the evaluation around it.
    private static func hasDoubleUnderscore(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "_"), previous == UInt8(ascii: "_") { return true }
            previous = byte
        }
        return false
    }
}
