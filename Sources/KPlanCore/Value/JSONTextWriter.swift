/// Writes JSON text into a fixed buffer and hands each full buffer, and the rest at the end, to a
/// sink: a value's text is copied into its array in one piece, or hashed, without growing an array
/// byte by byte. Object keys are written sorted; `indent` is nil for compact text.
///
/// The buffer is a stack allocation that lives only inside `withWriter`; the writer cannot be copied
/// and is only lent to its body, so it cannot outlive the buffer or the sink.
struct JSONTextWriter: ~Copyable {
    /// The bytes written since the last flush.
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    private let sink: (UnsafeBufferPointer<UInt8>) -> Void

    /// Calls `body` with a writer whose text goes to `sink` in pieces of at most `chunkSize` bytes (or
    /// more for a longer string), then hands `sink` the rest.
    static func withWriter(
        chunkSize: Int = 4096, sink: (UnsafeBufferPointer<UInt8>) -> Void, _ body: (inout JSONTextWriter) -> Void
    ) {
        withoutActuallyEscaping(sink) { sink in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunkSize) { buffer in
                var writer = JSONTextWriter(buffer: buffer, sink: sink)
                body(&writer)
                writer.flush()
            }
        }
    }

    private init(buffer: UnsafeMutableBufferPointer<UInt8>, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.buffer = buffer
        self.sink = sink
    }

    /// Writes `value`; `indent` is the current depth when indenting, nil for compact text.
    mutating func write(_ value: JSONValue, indent: Int?) {
        switch value {
        case .null:
            append("null")
        case .bool(let flag):
            append(flag ? "true" : "false")
        case .int(let number):
            writeInteger(number)
        case .double(let number):
            writeDouble(number)
        case .string(let text):
            writeString(text)
        case .array(let items):
            writeArray(items, indent: indent)
        case .object(let members):
            writeObject(members, indent: indent)
        }
    }

    private mutating func writeArray(_ items: [JSONValue], indent: Int?) {
        guard !items.isEmpty else {
            append("[]")
            return
        }
        append(UInt8(ascii: "["))
        let inner = indent.map { $0 + 1 }
        var first = true
        for item in items {
            if !first { append(UInt8(ascii: ",")) }
            first = false
            writeLineBreak(depth: inner)
            write(item, indent: inner)
        }
        writeLineBreak(depth: indent)
        append(UInt8(ascii: "]"))
    }

    /// Writes an object's members in key order (`String`'s `<`, as every writer of kplan sorts). The
    /// members are copied into a stack buffer once, sorted there, and moved out as they are written.
    private mutating func writeObject(_ members: [String: JSONValue], indent: Int?) {
        guard !members.isEmpty else {
            append("{}")
            return
        }
        append(UInt8(ascii: "{"))
        let inner = indent.map { $0 + 1 }
        if members.count == 1 {
            for member in members { writeMember(member, indent: inner) }
        } else {
            withUnsafeTemporaryAllocation(of: (key: String, value: JSONValue).self, capacity: members.count) { buffer in
                var sorted = buffer
                var count = 0
                for member in members {
                    (sorted.baseAddress! + count).initialize(to: member)
                    count += 1
                }
                sorted.sort { $0.key < $1.key }
                for offset in 0..<count {
                    if offset > 0 { append(UInt8(ascii: ",")) }
                    writeMember((sorted.baseAddress! + offset).move(), indent: inner)
                }
            }
        }
        writeLineBreak(depth: indent)
        append(UInt8(ascii: "}"))
    }

    /// Writes `"key":value` (with a space after the colon when indenting), on its own line when indenting.
    private mutating func writeMember(_ member: (key: String, value: JSONValue), indent: Int?) {
        writeLineBreak(depth: indent)
        writeString(member.key)
        append(UInt8(ascii: ":"))
        if indent != nil { append(UInt8(ascii: " ")) }
        write(member.value, indent: indent)
    }

    /// A newline and two spaces a level, when indenting.
    private mutating func writeLineBreak(depth: Int?) {
        guard let depth else { return }
        append(UInt8(ascii: "\n"))
        for _ in 0..<depth * 2 { append(UInt8(ascii: " ")) }
    }

    /// Writes the decimal digits of `number`.
    private mutating func writeInteger(_ number: Int64) {
        if number < 0 { append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { digits in
            repeat {
                digits[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            append(UnsafeBufferPointer(rebasing: digits.bindMemory(to: UInt8.self)[(24 - count)...]))
        }
    }

    /// Writes a double as JSON writes it: integral values without a fraction, non-finite values as null.
    private mutating func writeDouble(_ number: Double) {
        guard number.isFinite else {
            append("null")
            return
        }
        if number.rounded() == number && abs(number) < 1e15 {
            writeInteger(Int64(number))
            return
        }
        var text = String(number)
        text.withUTF8 { append($0) }
    }

    /// Writes `text` as a JSON string literal: `"`, `\` and control characters escaped, everything
    /// else as it is.
    mutating func writeString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            // Most strings need no escape and fit the buffer: quotes and bytes are written at once.
            if utf8.count + 2 <= buffer.count, !Self.needsEscaping(utf8) {
                if count + utf8.count + 2 > buffer.count { flush() }
                let start = buffer.baseAddress! + count
                start.initialize(to: UInt8(ascii: "\""))
                if let bytes = utf8.baseAddress { (start + 1).update(from: bytes, count: utf8.count) }
                (start + 1 + utf8.count).initialize(to: UInt8(ascii: "\""))
                count += utf8.count + 2
                return
            }
            append(UInt8(ascii: "\""))
            writeEscaped(utf8)
            append(UInt8(ascii: "\""))
        }
    }

    /// Writes `utf8` with JSON's string escapes: runs that need none are copied whole.
    private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard Self.needsEscaping(utf8) else {
            append(utf8)
            return
        }
        var pending = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            append(UnsafeBufferPointer(rebasing: utf8[pending..<index]))
            pending = index + 1
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            default:
                append("\\u00")
                append(UInt8.lowercaseHexDigit(byte >> 4))
                append(UInt8.lowercaseHexDigit(byte & 15))
            }
        }
        append(UnsafeBufferPointer(rebasing: utf8[pending...]))
    }

    /// Whether any byte of `utf8` needs an escape (a control character, `"` or `\`). Most strings
    /// need none, so it is checked eight bytes at a time.
    private static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(utf8)
        var offset = 0
        while offset + 8 <= raw.count {
            if needsEscaping(word: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
            offset += 8
        }
        guard offset < raw.count else { return false }
        // The last bytes (all of a short string's) are checked as one word, padded with a letter.
        var last = UInt64(0x6161_6161_6161_6161)
        withUnsafeMutableBytes(of: &last) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset...])) }
        return needsEscaping(word: last)
    }

    /// Whether any of the eight bytes of `word` is below 0x20, `"` or `\`: a byte below n sets its
    /// high bit in `(word - n per byte) & ~word` (exact for n <= 0x80), and an equal byte is one whose
    /// difference from it is below 1.
    private static func needsEscaping(word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let control = (word &- ones &* 0x20) & ~word
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        return (control | quote | backslash) & highBits != 0
    }

    private mutating func append(_ byte: UInt8) {
        if count == buffer.count { flush() }
        buffer[count] = byte
        count += 1
    }

    private mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Copies `bytes` into the buffer, flushing it when they do not fit; bytes longer than the whole
    /// buffer go to the sink directly.
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        if count + bytes.count > buffer.count {
            flush()
            if bytes.count > buffer.count {
                sink(bytes)
                return
            }
        }
        UnsafeMutableBufferPointer(rebasing: buffer[count...]).baseAddress!.update(from: bytes.baseAddress!, count: bytes.count)
        count += bytes.count
    }

    /// Hands the buffered bytes to the sink.
    private mutating func flush() {
        guard count > 0 else { return }
        sink(UnsafeBufferPointer(rebasing: buffer[..<count]))
        count = 0
    }
}
