/// One lexical token and its 0-based offset in Unicode scalars.
struct CELToken: Sendable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        case int(UInt64)
        case uint(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case identifier(String)
        case punctuation(String)
        case end
    }

    /// What the token is.
    var kind: Kind
    /// Where it starts.
    var offset: Int
}

/// Splits CEL source into tokens.
struct CELLexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    /// Creates a lexer over `source`.
    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// Every token of the source, ending with `.end`.
    mutating func tokens() throws(CELParseError) -> [CELToken] {
        var result: [CELToken] = []
        while true {
            let token = try next()
            result.append(token)
            if token.kind == .end { return result }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private mutating func skipTrivia() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                position += 1
            } else if c == "/", peek(1) == "/" {
                while let c = peek(), c != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    private static let punctuation: [String] = [
        "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", ".", ",",
        "(", ")", "[", "]", "{", "}",
    ]

    private mutating func next() throws(CELParseError) -> CELToken {
        skipTrivia()
        let start = position
        guard let c = peek() else { return CELToken(kind: .end, offset: start) }
        if isDigit(c) { return try number() }
        if c == ".", let d = peek(1), isDigit(d) { return try number() }
        if isIdentifierStart(c) {
            let lower = String(c).lowercased()
            if lower == "r" || lower == "b" {
                if isQuote(peek(1)) {
                    position += 1
                    return try string(start: start, raw: lower == "r", bytes: lower == "b")
                }
                if let second = peek(1).map({ String($0).lowercased() }), second != lower,
                    second == "r" || second == "b", isQuote(peek(2))
                {
                    position += 2
                    return try string(start: start, raw: true, bytes: true)
                }
            }
            var text = ""
            while let c = peek(), isIdentifierStart(c) || isDigit(c) {
                text.unicodeScalars.append(c)
                position += 1
            }
            return CELToken(kind: .identifier(text), offset: start)
        }
        if c == "\"" || c == "'" { return try string(start: start, raw: false, bytes: false) }
        for p in Self.punctuation where matches(p) {
            position += p.unicodeScalars.count
            return CELToken(kind: .punctuation(p), offset: start)
        }
        throw CELParseError(offset: start, message: "unexpected character '\(c)'")
    }

    private func matches(_ text: String) -> Bool {
        for (i, s) in text.unicodeScalars.enumerated() where peek(i) != s { return false }
        return true
    }

    private mutating func number() throws(CELParseError) -> CELToken {
        let start = position
        if peek() == "0", peek(1) == "x" || peek(1) == "X" {
            position += 2
            var digits = ""
            while let c = peek(), c.properties.isASCIIHexDigit {
                digits.unicodeScalars.append(c)
                position += 1
            }
            guard let value = UInt64(digits, radix: 16) else {
                throw CELParseError(offset: start, message: "invalid hexadecimal literal")
            }
            return try integerSuffix(value, start: start)
        }
        var text = ""
        var isDouble = false
        while let c = peek(), isDigit(c) { text.unicodeScalars.append(c); position += 1 }
        if peek() == ".", let d = peek(1), isDigit(d) {
            isDouble = true
            text.append(".")
            position += 1
            while let c = peek(), isDigit(c) { text.unicodeScalars.append(c); position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            var ahead = 1
            if peek(1) == "+" || peek(1) == "-" { ahead = 2 }
            if let d = peek(ahead), isDigit(d) {
                isDouble = true
                for _ in 0..<ahead { text.unicodeScalars.append(peek()!); position += 1 }
                while let c = peek(), isDigit(c) { text.unicodeScalars.append(c); position += 1 }
            }
        }
        if isDouble {
            guard let value = Double(text) else {
                throw CELParseError(offset: start, message: "invalid double literal")
            }
            return CELToken(kind: .double(value), offset: start)
        }
        guard let value = UInt64(text) else {
            throw CELParseError(offset: start, message: "integer literal out of range")
        }
        return try integerSuffix(value, start: start)
    }

    private mutating func integerSuffix(_ value: UInt64, start: Int) throws(CELParseError) -> CELToken {
        if peek() == "u" || peek() == "U" {
            position += 1
            return CELToken(kind: .uint(value), offset: start)
        }
        return CELToken(kind: .int(value), offset: start)
    }

    private mutating func string(start: Int, raw: Bool, bytes: Bool) throws(CELParseError) -> CELToken {
        let quote = peek()!
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var out: [UInt8] = []
        func append(_ scalar: Unicode.Scalar) { out.append(contentsOf: Array(String(scalar).utf8)) }
        while true {
            guard let c = peek() else { throw CELParseError(offset: start, message: "unterminated string literal") }
            if c == quote, !triple || (peek(1) == quote && peek(2) == quote) {
                position += triple ? 3 : 1
                break
            }
            if !triple, c == "\n" || c == "\r" {
                throw CELParseError(offset: position, message: "newline in string literal")
            }
            if c == "\\", !raw {
                try escape(into: &out, bytes: bytes)
                continue
            }
            append(c)
            position += 1
        }
        if bytes { return CELToken(kind: .bytes(out), offset: start) }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw CELParseError(offset: start, message: "string literal is not valid UTF-8")
        }
        return CELToken(kind: .string(text), offset: start)
    }

    private mutating func escape(into out: inout [UInt8], bytes: Bool) throws(CELParseError) {
        let at = position
        position += 1
        guard let c = peek() else { throw CELParseError(offset: at, message: "unterminated escape sequence") }
        position += 1
        let simple: [Unicode.Scalar: UInt8] = [
            "a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92, "'": 39, "\"": 34, "`": 96, "?": 63,
        ]
        if let byte = simple[c] {
            out.append(byte)
            return
        }
        func hex(_ count: Int) throws(CELParseError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let d = peek(), let digit = UInt32(String(d), radix: 16) else {
                    throw CELParseError(offset: at, message: "invalid escape sequence")
                }
                value = value * 16 + digit
                position += 1
            }
            return value
        }
        let code: UInt32
        switch c {
        case "x", "X":
            let value = try hex(2)
            if bytes { out.append(UInt8(value)); return }
            code = value
        case "u": code = try hex(4)
        case "U": code = try hex(8)
        case "0"..."3":
            var value = c.value - 48
            for _ in 0..<2 {
                guard let d = peek(), ("0"..."7").contains(d) else {
                    throw CELParseError(offset: at, message: "invalid octal escape")
                }
                value = value * 8 + (d.value - 48)
                position += 1
            }
            if bytes { out.append(UInt8(value)); return }
            code = value
        default:
            throw CELParseError(offset: at, message: "invalid escape sequence '\\\(c)'")
        }
        guard let scalar = Unicode.Scalar(code) else {
            throw CELParseError(offset: at, message: "escape is not a Unicode scalar value")
        }
        out.append(contentsOf: Array(String(scalar).utf8))
    }
}

private func isQuote(_ c: Unicode.Scalar?) -> Bool { c == "\"" || c == "'" }

private func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
}
