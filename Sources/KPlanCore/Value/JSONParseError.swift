/// Why a byte sequence is not JSON (RFC 8259), and the 0-based byte offset where parsing stopped.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rule the input broke.
    public enum Reason: Hashable, Sendable {
        /// The input ended inside a value (or was empty).
        case unexpectedEnd
        /// A byte that cannot start or continue the value here.
        case unexpectedByte(UInt8)
        /// A number that does not follow JSON's number grammar, or overflows a double.
        case invalidNumber
        /// A backslash escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`.
        case invalidEscape
        /// A `\u` escape naming a lone surrogate.
        case loneSurrogate
        /// A raw control character (below U+0020) inside a string.
        case controlCharacterInString
        /// A string whose bytes are not valid UTF-8.
        case invalidUTF8
        /// More than `JSONValue.maximumParsingDepth` nested arrays and objects.
        case tooDeep
        /// Something other than whitespace after the top-level value.
        case trailingContent
    }

    /// The rule the input broke.
    public var reason: Reason
    /// The 0-based byte offset of the problem.
    public var offset: Int

    /// Creates an error.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// "invalid JSON at byte N: what was wrong".
    public var description: String {
        "invalid JSON at byte \(offset): \(reasonText)"
    }

    private var reasonText: String {
        switch reason {
        case .unexpectedEnd: return "unexpected end of input"
        case .unexpectedByte(let byte): return "unexpected \(Self.show(byte))"
        case .invalidNumber: return "malformed or out-of-range number"
        case .invalidEscape: return "invalid escape sequence in string"
        case .loneSurrogate: return "\\u escape is an unpaired UTF-16 surrogate"
        case .controlCharacterInString: return "control character in string (it must be escaped)"
        case .invalidUTF8: return "string is not valid UTF-8"
        case .tooDeep: return "nesting deeper than \(JSONValue.maximumParsingDepth) arrays and objects"
        case .trailingContent: return "content after the JSON value"
        }
    }

    private static func show(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let digits = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
