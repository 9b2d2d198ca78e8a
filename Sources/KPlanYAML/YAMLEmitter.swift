import KPlanCore

/// Writes a `JSONValue` as block-style YAML laid out as `kubectl get -o yaml` does: object keys
/// sorted, two-space indent, sequences flush with their key (`- name: app`), empty collections inline
/// (`{}`, `[]`).
///
/// A string is written plain only when `YAMLLoader` would read the plain form back as that same
/// string under go-yaml v2's YAML 1.1 rules; otherwise it is double-quoted (`"yes"`, `"0755"`, `""`,
/// `"a: b"`), or written as a literal block (`|`, `|-`, `|+`) when it spans lines and that is safe.
/// Loading the output gives back the value written.
public enum YAMLEmitter {
    /// The YAML text of `value`, ending with a newline.
    public static func emit(_ value: JSONValue) -> String {
        var output = ""
        switch value {
        case .object(let members) where !members.isEmpty:
            writeMapping(members, indent: 0, to: &output)
        case .array(let items) where !items.isEmpty:
            writeSequence(items, indent: 0, to: &output)
        case .null, .bool, .int, .double, .string, .array, .object:
            output += inline(value) + "\n"
        }
        return output
    }

    /// Writes the members of a non-empty object, each key at `indent` spaces; the first line starts
    /// with `lead` instead when given (a sequence item's `- `).
    private static func writeMapping(
        _ members: [String: JSONValue], indent: Int, lead: String? = nil, to output: inout String
    ) {
        let padding = String(repeating: " ", count: indent)
        for (position, key) in members.keys.sorted().enumerated() {
            output += (position == 0 ? lead ?? padding : padding) + scalar(key) + ":"
            writeValue(members[key]!, indent: indent, to: &output)
        }
    }

    /// Writes the items of a non-empty array, each `- ` at `indent` spaces; the first line starts
    /// with `lead` instead when given.
    private static func writeSequence(_ items: [JSONValue], indent: Int, lead: String? = nil, to output: inout String) {
        let padding = String(repeating: " ", count: indent)
        for (position, item) in items.enumerated() {
            let dash = (position == 0 ? lead ?? padding : padding) + "- "
            switch item {
            case .object(let members) where !members.isEmpty:
                // The first member shares the dash's line; the rest line up under it.
                writeMapping(members, indent: indent + 2, lead: dash, to: &output)
            case .array(let inner) where !inner.isEmpty:
                writeSequence(inner, indent: indent + 2, lead: dash, to: &output)
            case .null, .bool, .int, .double, .string, .array, .object:
                output += dash.dropLast()
                writeValue(item, indent: indent, to: &output)
            }
        }
    }

    /// Writes what follows a key's colon or a sequence dash whose line starts at `indent`.
    private static func writeValue(_ value: JSONValue, indent: Int, to output: inout String) {
        switch value {
        case .object(let members) where !members.isEmpty:
            output += "\n"
            writeMapping(members, indent: indent + 2, to: &output)
        case .array(let items) where !items.isEmpty:
            // kubectl's layout: a sequence under a key is not indented further.
            output += "\n"
            writeSequence(items, indent: indent, to: &output)
        case .string(let text) where literalChomping(text) != nil:
            output += " |" + literalChomping(text)! + "\n"
            writeLiteralBody(text, indent: indent + 2, to: &output)
        case .null, .bool, .int, .double, .string, .array, .object:
            output += " " + inline(value) + "\n"
        }
    }

    /// A scalar or empty collection on one line.
    private static func inline(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): text(of: number)
        case .string(let text): scalar(text)
        case .array: "[]"
        case .object: "{}"
        }
    }

    /// A double written so that it reads back as a float, never as an integer.
    private static func text(of number: Double) -> String {
        if number.isNaN { return ".nan" }
        if number.isInfinite { return number < 0 ? "-.inf" : ".inf" }
        return String(number)
    }

    /// A string as a plain or double-quoted scalar.
    private static func scalar(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case "\0": output += "\\0"
            default:
                if isPrintable(scalar) {
                    output.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF {
                    output += "\\x" + hex(scalar.value, digits: 2)
                } else if scalar.value <= 0xFFFF {
                    output += "\\u" + hex(scalar.value, digits: 4)
                } else {
                    output += "\\U" + hex(scalar.value, digits: 8)
                }
            }
        }
        return output + "\""
    }

    /// Whether `text` may be written plain: it reads back as itself, as a string, in block context.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        guard first != " ", last != " ", last != ":" else { return false }
        switch first {
        case "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`":
            return false
        case "-":
            guard let second = text.unicodeScalars.dropFirst().first, second != " " else { return false }
        default:
            break
        }
        if text.hasPrefix("---") || text.hasPrefix("...") || text == "<<" { return false }
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            guard scalar.value >= 0x20, scalar.value != 0x7F, isPrintable(scalar) else { return false }
            if previous == ":" && scalar == " " { return false }
            if previous == " " && scalar == "#" { return false }
            previous = scalar
        }
        if ScalarResolver.isSexagesimal(text) || looksLikeTimestamp(text) { return false }
        return ScalarResolver.resolvePlain(text) == .string(text)
    }

    /// Whether `text` starts as a YAML 1.1 timestamp does (`2024-1-2`, then the end, `T` or a space):
    /// go-yaml v2 quotes such strings, as `kubectl get -o yaml` shows `creationTimestamp`, so other
    /// YAML 1.1 readers keep them strings.
    private static func looksLikeTimestamp(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        func digits(_ range: ClosedRange<Int>) -> Bool {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            guard range.contains(count) else { return false }
            bytes = bytes.dropFirst(count)
            return true
        }
        func dash() -> Bool {
            guard bytes.first == UInt8(ascii: "-") else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        guard digits(4...4), dash(), digits(1...2), dash(), digits(1...2) else { return false }
        guard let next = bytes.first else { return true }
        return next == UInt8(ascii: "T") || next == UInt8(ascii: "t") || next == UInt8(ascii: " ")
    }

    /// YAML's printable characters, less the byte-order mark and the Unicode line breaks, which
    /// readers treat specially.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: true
        case 0xA0...0xD7FF: scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: scalar.value != 0xFEFF
        case 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The chomping indicator (`""` clip, `-` strip, `+` keep) when `text` can be a literal block:
    /// it spans lines, its first line neither starts with a space nor is empty (so the indentation
    /// is found without an indicator), and every character is printable or a tab.
    private static func literalChomping(_ text: String) -> String? {
        guard text.contains("\n"), let first = text.unicodeScalars.first, first != " ", first != "\n", first != "\t"
        else { return nil }
        for scalar in text.unicodeScalars where scalar != "\n" && scalar != "\t" && !isPrintable(scalar) {
            return nil
        }
        let trailingBreaks = text.unicodeScalars.reversed().prefix { $0 == "\n" }.count
        switch trailingBreaks {
        case 0: return "-"
        case 1: return ""
        default: return "+"
        }
    }

    /// Writes the lines of a literal block at `indent` spaces; empty lines stay empty.
    private static func writeLiteralBody(_ text: String, indent: Int, to output: inout String) {
        let padding = String(repeating: " ", count: indent)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        for line in lines {
            output += line.isEmpty ? "\n" : padding + line + "\n"
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
