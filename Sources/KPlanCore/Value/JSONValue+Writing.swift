extension JSONValue {
    /// The value as compact JSON, object keys sorted (the form stored and hashed).
    public var compactJSON: String {
        String(decoding: compactJSONBytes, as: UTF8.self)
    }

    /// The UTF-8 bytes of `compactJSON`, without making a String (for hashing and storing).
    public var compactJSONBytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, indent: nil)
        return output
    }

    /// The value as indented JSON (two spaces), object keys sorted, ending with a newline.
    public var prettyJSON: String {
        var output: [UInt8] = []
        write(to: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes the value; `indent` is the current depth when indenting, nil for compact output.
    private func write(to output: inout [UInt8], indent: Int?) {
        switch self {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .int(let number):
            Self.writeInteger(number, to: &output)
        case .double(let number):
            output.append(contentsOf: Self.text(of: number).utf8)
        case .string(let text):
            Self.writeString(text, to: &output)
        case .array(let items):
            guard !items.isEmpty else {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            let inner = indent.map { $0 + 1 }
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeLineBreak(depth: inner, to: &output)
                item.write(to: &output, indent: inner)
            }
            Self.writeLineBreak(depth: indent, to: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            let inner = indent.map { $0 + 1 }
            var first = true
            Self.forEachSortedMember(of: members) { key, value in
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                Self.writeLineBreak(depth: inner, to: &output)
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                if inner != nil { output.append(UInt8(ascii: " ")) }
                value.write(to: &output, indent: inner)
            }
            Self.writeLineBreak(depth: indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Calls `body` with each member in key order. Objects are written far more often than anything
    /// else is done with them (every stored object, every digest), so the members are ordered by
    /// sorting their positions in a stack buffer: no copies of the members, no allocation.
    private static func forEachSortedMember(of members: [String: JSONValue], _ body: (String, JSONValue) -> Void) {
        guard members.count > 1 else {
            if let (key, value) = members.first { body(key, value) }
            return
        }
        withUnsafeTemporaryAllocation(of: [String: JSONValue].Index.self, capacity: members.count) { buffer in
            var count = 0
            var position = members.startIndex
            while position != members.endIndex {
                (buffer.baseAddress! + count).initialize(to: position)
                count += 1
                members.formIndex(after: &position)
            }
            var order = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
            order.sort { members.keys[$0] < members.keys[$1] }
            for position in order {
                body(members.keys[position], members.values[position])
            }
            order.deinitialize()
        }
    }

    /// A newline and two spaces a level, when indenting.
    private static func writeLineBreak(depth: Int?, to output: inout [UInt8]) {
        guard let depth else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    /// Appends the decimal digits of `number`.
    private static func writeInteger(_ number: Int64, to output: inout [UInt8]) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            output.append(contentsOf: buffer[(24 - count)...])
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
        var bytes: [UInt8] = []
        writeString(text, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal, in UTF-8.
    public static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var pending = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<index]))
                pending = index + 1
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): output.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): output.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): output.append(contentsOf: "\\t".utf8)
                case 0x08: output.append(contentsOf: "\\b".utf8)
                case 0x0C: output.append(contentsOf: "\\f".utf8)
                default:
                    output.append(contentsOf: "\\u00".utf8)
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 15)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Lowercase hexadecimal digits, for `\u00XX` escapes.
    private static let hexDigits = Array("0123456789abcdef".utf8)
}
