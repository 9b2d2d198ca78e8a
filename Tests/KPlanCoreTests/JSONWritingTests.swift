import KPlanCore
import Testing

@Suite struct JSONWritingTests {
    /// A value whose compact text is longer than one of the writer's pieces, with strings that cross
    /// piece boundaries, need escapes at every position of an eight-byte word, and nest deeply.
    static let large: JSONValue = {
        var members: [String: JSONValue] = [:]
        for index in 0..<300 {
            let escaped = String(repeating: "x", count: index % 17) + "\"\\\n\u{1F}" + String(repeating: "y", count: index % 9)
            members["key-\(index)"] = ["plain": .string(String(repeating: "z", count: index)), "escaped": .string(escaped), "n": .int(Int64(index) - 150)]
        }
        members["long"] = .string(String(repeating: "0123456789", count: 1_000))
        var nested: JSONValue = "leaf"
        for depth in 0..<100 { nested = depth.isMultiple(of: 2) ? [nested] : ["k": nested] }
        members["nested"] = nested
        return .object(members)
    }()

    @Test func piecesJoinToTheCompactBytes() {
        var pieces: [[UInt8]] = []
        Self.large.writeCompactJSON { pieces.append(Array($0)) }
        #expect(pieces.count > 2)
        #expect(Array(pieces.joined()) == Self.large.compactJSONBytes)
    }

    @Test func largeValuesRoundTrip() throws {
        let text = Self.large.compactJSON
        #expect(text.utf8.count > 20_000)
        #expect(try JSONValue(parsing: text) == Self.large)
        #expect(try JSONValue(parsing: Self.large.prettyJSON) == Self.large)
    }

    @Test(arguments: 0..<20)
    func escapesAreFoundAtEveryPosition(_ position: Int) {
        for special in ["\"", "\\", "\u{0}", "\u{1F}", "\n"] {
            let text = String(repeating: "a", count: position) + special + String(repeating: "b", count: 19 - position)
            let expected = "\"" + String(repeating: "a", count: position) + Self.escaped(special) + String(repeating: "b", count: 19 - position) + "\""
            #expect(JSONValue.string(text).compactJSON == expected)
        }
    }

    @Test func everyControlCharacterIsEscaped() {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let expected = #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
            + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f""#
        #expect(JSONValue.string(controls).compactJSON == expected)
        #expect(JSONValue.string("é 日本 🚀 ~\u{7F}").compactJSON == "\"é 日本 🚀 ~\u{7F}\"")
    }

    @Test func numbersKeepTheirCanonicalText() {
        let value: JSONValue = [
            .int(Int64.min), .int(Int64.max), .int(0), .int(-7), .double(-0.0), .double(2.0), .double(-1e14),
            .double(1e15), .double(0.1), .double(-2.5e-8), .double(.infinity), .double(.nan),
        ]
        #expect(value.compactJSON == "[-9223372036854775808,9223372036854775807,0,-7,0,2,-100000000000000,1000000000000000.0,0.1,-2.5e-08,null,null]")
    }

    @Test func keysAreSortedAsStrings() {
        let value: JSONValue = ["b": 1, "a": ["z": 1, "y": [:], "x": []], "B": 2, "é": 3, "aa": 4]
        #expect(value.compactJSON == #"{"B":2,"a":{"x":[],"y":{},"z":1},"aa":4,"b":1,"é":3}"#)
    }

    @Test func stringsAreWrittenAsLiterals() {
        var bytes: [UInt8] = Array("x=".utf8)
        JSONValue.writeString("a\"b", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"x="a\"b""#)
        var text = "y="
        JSONValue.writeString(String(repeating: "\\", count: 300), to: &text)
        #expect(text == "y=\"" + String(repeating: "\\\\", count: 300) + "\"")
    }

    private static func escaped(_ special: String) -> String {
        switch special {
        case "\"": return #"\""#
        case "\\": return #"\\"#
        case "\n": return #"\n"#
        case "\u{0}": return #"\u0000"#
        default: return #"\u001f"#
        }
    }
}
