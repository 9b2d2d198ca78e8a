import KPlanCore
import Testing

@Suite struct JSONParsingTests {
    @Test(arguments: [
        #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"labels":{"a":"b"},"name":"x"}}"#,
        #"[1,-2,0,2.5,-0.125,1.0e+300,true,false,null,"",[],{}]"#,
        #"{"a":[[[[]]]],"b":{"c":{"d":{}}}}"#,
        #""line\n\"quoted\"\\ tab\t \u0001 é 日本 🚀""#,
        "9223372036854775807",
        "-9223372036854775808",
    ])
    func compactJSONRoundTrips(_ text: String) throws {
        let value = try JSONValue(parsing: text)
        #expect(try JSONValue(parsing: value.compactJSON) == value)
    }

    @Test func canonicalTextIsReproducedExactly() throws {
        let text = #"{"a":[1,2.5,"x",true,null],"b":{"c":-3},"d":"\"\\\n"}"#
        #expect(try JSONValue(parsing: text).compactJSON == text)
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue(parsing: " {\"i\": 42 ,\r\n\t\"d\": 1.5e2, \"s\": \"x\", \"a\": [true, false, null]} ")
        #expect(value == ["i": 42, "d": .double(150), "s": "x", "a": [true, false, nil]])
    }

    @Test func integersThatFitInt64AreIntsOthersDoubles() throws {
        #expect(try JSONValue(parsing: "9223372036854775807") == .int(Int64.max))
        #expect(try JSONValue(parsing: "-9223372036854775808") == .int(Int64.min))
        #expect(try JSONValue(parsing: "9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try JSONValue(parsing: "-9223372036854775809") == .double(-9_223_372_036_854_775_809))
        #expect(try JSONValue(parsing: "100000000000000000000000") == .double(1e23))
        #expect(try JSONValue(parsing: "3") == .int(3))
        #expect(try JSONValue(parsing: "3.0") == .double(3))
        #expect(try JSONValue(parsing: "3e0") == .double(3))
        #expect(try JSONValue(parsing: "-0") == .int(0))
    }

    @Test func escapesDecodeIncludingSurrogatePairs() throws {
        #expect(try JSONValue(parsing: #""\u00e9\u65E5\ud83d\ude80\/\b\f""#) == .string("é日🚀/\u{08}\u{0C}"))
        #expect(try JSONValue(parsing: #""a\u0000b""#) == .string("a\u{0}b"))
    }

    @Test func duplicateKeysKeepTheLastValue() throws {
        #expect(try JSONValue(parsing: #"{"a":1,"a":2}"#) == ["a": 2])
    }

    @Test func duplicateKeysKeepTheLastValueAtEveryLevel() throws {
        let text = #"{"a":1,"b":2,"a":3,"c":{"a":[1,{"a":5,"x":0,"a":6}],"a":7},"a":4,"c":{"d":[[],[[8]],{}]}}"#
        #expect(try JSONValue(parsing: text) == ["a": 4, "b": 2, "c": ["d": [[], [[8]], [:]]]])
    }

    @Test func nestedArraysAndObjectsKeepTheirOrderAndMembers() throws {
        let text = #"[[1,[2,3],{"k":[4,{"m":[5,6,7]}]}],[],{},[{"a":[]},8],"s",[[[[9]]]]]"#
        let value = try JSONValue(parsing: text)
        let expected: JSONValue = [[1, [2, 3], ["k": [4, ["m": [5, 6, 7]]]]], [], [:], [["a": []], 8], "s", [[[[9]]]]]
        #expect(value == expected)
        #expect(value.compactJSON == text)
    }

    @Test func errorsInsideNestingAreReportedAtTheirOffset() throws {
        #expect(throws: JSONParseError(.unexpectedByte(UInt8(ascii: "}")), at: 16)) {
            try JSONValue(parsing: #"[{"a":[1,{"b":[2}]]}]"#)
        }
        #expect(try JSONValue(parsing: #"[{"a":[1,{"b":[2]}]}]"#) == [["a": [1, ["b": [2]]]]])
    }

    @Test func parsesFromBytesAndArrays() throws {
        let bytes = Array(#"{"k":["v"]}"#.utf8)
        #expect(try JSONValue(parsing: bytes) == ["k": ["v"]])
        #expect(try JSONValue(parsing: bytes[...]) == ["k": ["v"]])
        let value = try bytes.withUnsafeBytes { buffer throws(JSONParseError) in try JSONValue(parsing: buffer) }
        #expect(value == ["k": ["v"]])
    }

    @Test(arguments: [
        ("", JSONParseError(.unexpectedEnd, at: 0)),
        ("   ", JSONParseError(.unexpectedEnd, at: 3)),
        ("{", JSONParseError(.unexpectedEnd, at: 1)),
        (#"{"a" 1}"#, JSONParseError(.unexpectedByte(UInt8(ascii: "1")), at: 5)),
        (#"{"a":1,}"#, JSONParseError(.unexpectedByte(UInt8(ascii: "}")), at: 7)),
        ("[1,]", JSONParseError(.unexpectedByte(UInt8(ascii: "]")), at: 3)),
        ("[1 2]", JSONParseError(.unexpectedByte(UInt8(ascii: "2")), at: 3)),
        ("{a:1}", JSONParseError(.unexpectedByte(UInt8(ascii: "a")), at: 1)),
        ("'x'", JSONParseError(.unexpectedByte(UInt8(ascii: "'")), at: 0)),
        ("tru", JSONParseError(.unexpectedEnd, at: 3)),
        ("nul1", JSONParseError(.unexpectedByte(UInt8(ascii: "1")), at: 3)),
        ("[01]", JSONParseError(.unexpectedByte(UInt8(ascii: "1")), at: 2)),
        ("-", JSONParseError(.invalidNumber, at: 0)),
        ("1.", JSONParseError(.invalidNumber, at: 0)),
        (".5", JSONParseError(.unexpectedByte(UInt8(ascii: ".")), at: 0)),
        ("1e", JSONParseError(.invalidNumber, at: 0)),
        ("+1", JSONParseError(.unexpectedByte(UInt8(ascii: "+")), at: 0)),
        ("1e400", JSONParseError(.invalidNumber, at: 0)),
        ("NaN", JSONParseError(.unexpectedByte(UInt8(ascii: "N")), at: 0)),
        ("1 2", JSONParseError(.trailingContent, at: 2)),
        (#""abc"#, JSONParseError(.unexpectedEnd, at: 4)),
        ("\"a\tb\"", JSONParseError(.controlCharacterInString, at: 2)),
        (#""\x""#, JSONParseError(.invalidEscape, at: 1)),
        (#""\u12G4""#, JSONParseError(.invalidEscape, at: 5)),
        (#""\ud83d""#, JSONParseError(.loneSurrogate, at: 1)),
        (#""\ud83dx""#, JSONParseError(.loneSurrogate, at: 1)),
        (#""\ud83d\u0041""#, JSONParseError(.loneSurrogate, at: 1)),
        (#""\ude80""#, JSONParseError(.loneSurrogate, at: 1)),
        ("\u{FEFF}{}", JSONParseError(.unexpectedByte(0xEF), at: 0)),
    ])
    func malformedInputIsRefusedAtItsOffset(_ text: String, _ expected: JSONParseError) {
        #expect(throws: expected) { try JSONValue(parsing: text) }
    }

    @Test func invalidUTF8IsRefused() throws {
        #expect(throws: JSONParseError(.invalidUTF8, at: 1)) { try JSONValue(parsing: [0x22, 0x61, 0xFF, 0x22]) }
        #expect(throws: JSONParseError(.invalidUTF8, at: 1)) { try JSONValue(parsing: [0x22, 0xC3, 0x5C, 0x6E, 0x22]) }
        #expect(try JSONValue(parsing: [0x22, 0xC3, 0xA9, 0x22]) == .string("é"))
    }

    @Test func nestingIsLimitedTo512() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try JSONValue(parsing: deepest).array?.count == 1)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(throws: JSONParseError(.tooDeep, at: 512)) { try JSONValue(parsing: tooDeep) }
        let objects = String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)
        #expect(throws: JSONParseError(.tooDeep, at: 2560)) { try JSONValue(parsing: objects) }
    }

    @Test func errorDescriptionNamesTheOffsetAndProblem() {
        #expect(JSONParseError(.unexpectedByte(UInt8(ascii: "}")), at: 7).description == "invalid JSON at byte 7: unexpected '}'")
        #expect(JSONParseError(.unexpectedByte(0x0A), at: 0).description == "invalid JSON at byte 0: unexpected byte 0x0A")
        #expect(JSONParseError(.tooDeep, at: 3).description == "invalid JSON at byte 3: nesting deeper than 512 arrays and objects")
    }
}
