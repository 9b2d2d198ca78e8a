extension JSONValue {
    /// How many arrays and objects may nest before parsing refuses the input.
    public static let maximumParsingDepth = 512

    /// Parses strict RFC 8259 JSON from UTF-8 bytes: integers that fit `Int64` become `.int`, other
    /// numbers `.double`; duplicate object keys keep the last value, as Go's decoder does.
    /// - Throws: `JSONParseError` with the byte offset of the first problem.
    public init(parsing bytes: UnsafeRawBufferPointer) throws(JSONParseError) {
        var parser = JSONParser(bytes.bindMemory(to: UInt8.self))
        self = try parser.parseDocument()
    }

    /// Parses strict RFC 8259 JSON from a collection of UTF-8 bytes (see `init(parsing:)` for buffers).
    public init(parsing bytes: some Collection<UInt8>) throws(JSONParseError) {
        let parsed = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in try JSONValue(parsing: UnsafeRawBufferPointer(buffer)) }
        }
        switch parsed ?? Array(bytes).withUnsafeBytes({ buffer in Result { () throws(JSONParseError) in try JSONValue(parsing: buffer) } }) {
        case .success(let value): self = value
        case .failure(let error): throw error
        }
    }

    /// Parses strict RFC 8259 JSON text.
    public init(parsing text: String) throws(JSONParseError) {
        var text = text
        let parsed = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) in try JSONValue(parsing: UnsafeRawBufferPointer(buffer)) }
        }
        self = try parsed.get()
    }
}

/// A recursive-descent JSON parser over a byte buffer.
private struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Scratch space for strings with escapes, reused between strings.
    private var scratch: [UInt8] = []
    /// Members of the objects being parsed, innermost last.
    private var pendingMembers: [(String, JSONValue)] = []
    /// Items of the arrays being parsed, innermost last.
    private var pendingItems: [JSONValue] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw JSONParseError(.trailingContent, at: index) }
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func peek() throws(JSONParseError) -> UInt8 {
        guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
        return bytes[index]
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case let byte: throw JSONParseError(.unexpectedByte(byte), at: index)
        }
    }

    private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let start = word.utf8Start
        for offset in 0..<word.utf8CodeUnitCount {
            let byte = try peek()
            guard byte == start[offset] else { throw JSONParseError(.unexpectedByte(byte), at: index) }
            index += 1
        }
        return value
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        guard depth <= JSONValue.maximumParsingDepth else { throw JSONParseError(.tooDeep, at: index) }
    }

    /// Parses an object. Members wait on `pendingMembers` (shared by all nesting levels) until the
    /// object ends, so its dictionary is allocated once at its final size and never rehashed.
    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        index += 1
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object([String: JSONValue]())
        }
        let first = pendingMembers.count
        while true {
            let byte = try peek()
            guard byte == UInt8(ascii: "\"") else { throw JSONParseError(.unexpectedByte(byte), at: index) }
            let key = try parseString()
            skipWhitespace()
            let colon = try peek()
            guard colon == UInt8(ascii: ":") else { throw JSONParseError(.unexpectedByte(colon), at: index) }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            pendingMembers.append((key, value))
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return .object(takeMembers(from: first))
            case let other:
                throw JSONParseError(.unexpectedByte(other), at: index)
            }
        }
    }

    /// The object of the pending members from `first` on, which leave the stack: they are moved into
    /// the new dictionary (a later duplicate key's value wins) and their places refilled with
    /// placeholders (which hold nothing to release) before they are removed.
    /// `Dictionary(_:uniquingKeysWith:)` allocates the storage at once for the exact count from
    /// code specialized here; `init(minimumCapacity:)` and `reserveCapacity` are not specialized and
    /// looked the storage class up in the runtime for every object.
    private mutating func takeMembers(from first: Int) -> [String: JSONValue] {
        let count = pendingMembers.count - first
        let members = pendingMembers.withUnsafeMutableBufferPointer { pending in
            let taken = UnsafeMutableBufferPointer(rebasing: pending[first...])
            let members = [String: JSONValue](MovingElements(taken), uniquingKeysWith: { _, later in later })
            taken.initialize(repeating: ("", .null))
            return members
        }
        // One at a time: removeLast(_:) destroys the placeholders through the runtime's generic array
        // destroy, one call through the tuple's value witnesses per element.
        for _ in 0..<count { pendingMembers.removeLast() }
        return members
    }

    /// Parses an array. Items wait on `pendingItems` (shared by all nesting levels) until the array
    /// ends, so its storage is allocated once at its final size.
    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        index += 1
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array([])
        }
        let first = pendingItems.count
        while true {
            pendingItems.append(try parseValue())
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(takeItems(from: first))
            case let other:
                throw JSONParseError(.unexpectedByte(other), at: index)
            }
        }
    }

    /// The pending items from `first` on, which leave the stack: they are moved into the new array
    /// and their places refilled with `null` (which holds nothing to release) before they are removed.
    private mutating func takeItems(from first: Int) -> [JSONValue] {
        let count = pendingItems.count - first
        let items = pendingItems.withUnsafeMutableBufferPointer { pending in
            let taken = pending.baseAddress! + first
            let items = [JSONValue](unsafeUninitializedCapacity: count) { items, initialized in
                items.baseAddress!.moveInitialize(from: taken, count: count)
                initialized = count
            }
            taken.initialize(repeating: .null, count: count)
            return items
        }
        for _ in 0..<count { pendingItems.removeLast() }  // One at a time, as in `takeMembers`.
        return items
    }

    /// Parses a string starting at its opening quote. Strings without escapes are decoded straight
    /// from the buffer; others go through `scratch`.
    private mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        let start = index
        var highBits: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try decode(UnsafeBufferPointer(rebasing: bytes[start..<index]), ascii: highBits < 0x80, at: start)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw JSONParseError(.controlCharacterInString, at: index) }
            highBits |= byte
            index += 1
        }
        throw JSONParseError(.unexpectedEnd, at: index)
    }

    private func decode(_ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool, at offset: Int) throws(JSONParseError) -> String {
        if ascii { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else { throw JSONParseError(.invalidUTF8, at: offset) }
        return text
    }

    private mutating func parseEscapedString(from start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try scratch.withUnsafeBufferPointer { buffer throws(JSONParseError) in
                    try decode(buffer, ascii: false, at: start)
                }
            case UInt8(ascii: "\\"):
                try appendEscape()
            case 0..<0x20:
                throw JSONParseError(.controlCharacterInString, at: index)
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw JSONParseError(.unexpectedEnd, at: index)
    }

    /// Appends the character of the escape at `index` (a backslash) to `scratch` as UTF-8.
    private mutating func appendEscape() throws(JSONParseError) {
        let escapeStart = index
        index += 1
        let letter = try peek()
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if scalar >= 0xD800 && scalar < 0xDC00 {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw JSONParseError(.loneSurrogate, at: escapeStart) }
                index += 2
                let low = try parseHex4()
                guard low >= 0xDC00 && low < 0xE000 else { throw JSONParseError(.loneSurrogate, at: escapeStart) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar < 0xE000 {
                throw JSONParseError(.loneSurrogate, at: escapeStart)
            }
            scratch.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
        default:
            throw JSONParseError(.invalidEscape, at: escapeStart)
        }
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try peek()
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(.invalidEscape, at: index)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Parses a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw JSONParseError(.invalidNumber, at: start) }
        var magnitude: UInt64 = 0
        var overflow = false
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                let (times10, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = times10.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
                overflow = overflow || overflowA || overflowB
                magnitude = sum
                index += 1
            }
        }
        var integral = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            integral = false
            index += 1
            try skipDigits(numberStart: start)
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            integral = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            try skipDigits(numberStart: start)
        }
        if integral && !overflow {
            if negative, magnitude <= UInt64(Int64.max) + 1 { return .int(Int64(truncatingIfNeeded: 0 &- magnitude)) }
            if !negative, magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let number = Double(text), number.isFinite else { throw JSONParseError(.invalidNumber, at: start) }
        return .double(number)
    }

    private mutating func skipDigits(numberStart: Int) throws(JSONParseError) {
        guard index < bytes.count, isDigit(bytes[index]) else { throw JSONParseError(.invalidNumber, at: numberStart) }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
