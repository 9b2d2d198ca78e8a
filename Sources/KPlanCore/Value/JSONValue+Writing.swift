extension JSONValue {
    /// The value as compact JSON, object keys sorted (the form stored and hashed).
    public var compactJSON: String {
        var output = ""
        write(to: &output, indent: nil)
        return output
    }

    /// The value as indented JSON (two spaces), object keys sorted, ending with a newline.
    public var prettyJSON: String {
        var output = ""
        write(to: &output, indent: "")
        return output + "\n"
    }

    private func write(to output: inout String, indent: String?) {
        switch self {
        case .null:
            output += "null"
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .int(let number):
            output += String(number)
        case .double(let number):
            output += Self.text(of: number)
        case .string(let text):
            Self.writeString(text, to: &output)
        case .array(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            output += "["
            let inner = indent.map { $0 + "  " }
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                if let inner { output += "\n" + inner }
                item.write(to: &output, indent: inner)
            }
            if let indent { output += "\n" + indent }
            output += "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{"
            let inner = indent.map { $0 + "  " }
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { output += "," }
                if let inner { output += "\n" + inner }
                Self.writeString(member.key, to: &output)
                output += inner == nil ? ":" : ": "
                member.value.write(to: &output, indent: inner)
            }
            if let indent { output += "\n" + indent }
            output += "}"
        }
    }

    /// A double as JSON writes it: integral values without a fraction, non-finite values as null.
    static func text(of number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number.rounded() == number && abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// Appends `text` as a JSON string literal.
    public static func writeString(_ text: String, to output: inout String) {
        output += "\""
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output += text
            output += "\""
            return
        }
        var pending = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var index = pending
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String? =
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                case "\u{08}": "\\b"
                case "\u{0C}": "\\f"
                default: scalar.value < 0x20 ? "\\u" + Self.hex4(scalar.value) : nil
                }
            if let escape {
                output.unicodeScalars.append(contentsOf: scalars[pending..<index])
                output += escape
                pending = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[pending..<scalars.endIndex])
        output += "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
