import KPlanCore

/// Resolves plain scalars the way Kubernetes' YAML decoder does.
///
/// Kubernetes reads manifests with sigs.k8s.io/yaml, which decodes through its fork of go-yaml v2, a
/// YAML 1.1 resolver: `yes`/`no`/`on`/`off`/`y`/`n` in lower, Capitalised or UPPER case are booleans,
/// `0755` is octal, `0x1F` hex, `0b101` binary, underscores in numbers are ignored (`1_000`). go-yaml v2
/// deliberately does not implement YAML 1.1 base-60 numbers (`12:30`) and keeps timestamps decoded into
/// an untyped value as strings, so both stay strings here; the linter warns about them separately.
public enum ScalarResolver {
    /// Resolves a scalar's text given its style and explicit tag.
    public static func resolve(_ text: String, style: ScalarStyle, tag: String?) -> ScalarValue {
        if let tag {
            switch tag {
            case "tag:yaml.org,2002:str", "!": return .string(text)
            case "tag:yaml.org,2002:null": return .null
            case "tag:yaml.org,2002:bool":
                if let b = boolValue(text) { return .bool(b) }
                return .string(text)
            case "tag:yaml.org,2002:int":
                if let i = intValue(text) { return .int(i) }
                return .string(text)
            case "tag:yaml.org,2002:float":
                if let i = intValue(text) { return .float(Double(i)) }
                if let f = floatValue(text) { return .float(f) }
                return .string(text)
            default: break
            }
        }
        guard style == .plain else { return .string(text) }
        return resolvePlain(text)
    }

    /// Resolves an untagged plain scalar.
    public static func resolvePlain(_ text: String) -> ScalarValue {
        var contiguous = text
        return contiguous.withUTF8 { resolvePlain($0, text: text) }
    }

    /// Resolves an untagged plain scalar from its UTF-8 bytes; `text` is the same scalar as a string.
    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> ScalarValue {
        guard let first = bytes.first else { return .null }
        // Every special word (null, booleans, .inf/.nan) has at most 5 bytes; numbers start with a digit,
        // a sign or a dot. Anything else is a string, which is most scalars.
        if bytes.count > 5, first > UInt8(ascii: "9") { return .string(text) }
        switch first {
        case UInt8(ascii: "~"):
            return bytes.count == 1 ? .null : .string(text)
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isWord(bytes, "null") { return .null }
            if let b = boolValue(bytes) { return .bool(b) }
            return .string(text)
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            if let b = boolValue(bytes) { return .bool(b) }
            return .string(text)
        case UInt8(ascii: "."):
            if let f = specialFloat(text) { return .float(f) }
            if let f = floatValue(bytes) { return .float(f) }
            return .string(text)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if first == UInt8(ascii: "+") || first == UInt8(ascii: "-"), let f = specialFloat(text) { return .float(f) }
            if let i = intValue(bytes) { return .int(i) }
            if let f = floatValue(bytes) { return .float(f) }
            return .string(text)
        default:
            return .string(text)
        }
    }

    /// True for a plain scalar that YAML 1.1 reads as a base-60 number (`12:30` is 750, `1:20:30.5` a
    /// float) but go-yaml v2, and so Kubernetes, reads as a string: tools disagree about its value.
    public static func isSexagesimal(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, isDigit(first) else { return false }
        var sawColon = false
        var digitsSinceColon = 0
        var inFraction = false
        for byte in bytes {
            if inFraction {
                guard isDigit(byte) || byte == UInt8(ascii: "_") else { return false }
            } else if byte == UInt8(ascii: ":") {
                guard !sawColon || digitsSinceColon > 0 else { return false }
                sawColon = true
                digitsSinceColon = 0
            } else if byte == UInt8(ascii: ".") {
                guard sawColon, digitsSinceColon > 0 else { return false }
                inFraction = true
            } else if isDigit(byte) {
                digitsSinceColon += 1
                if sawColon, digitsSinceColon > 2 { return false }
            } else if byte != UInt8(ascii: "_") || sawColon {
                return false
            }
        }
        return sawColon && (inFraction || digitsSinceColon > 0)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// go-yaml v2's boolean table.
    static func boolValue(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { boolValue($0) }
    }

    /// go-yaml v2's boolean table, over UTF-8 bytes: each word in lower, Capitalised or UPPER case.
    static func boolValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch bytes.count {
        case 1:
            if isWord(bytes, "y") { return true }
            if isWord(bytes, "n") { return false }
        case 2:
            if isWord(bytes, "on") { return true }
            if isWord(bytes, "no") { return false }
        case 3:
            if isWord(bytes, "yes") { return true }
            if isWord(bytes, "off") { return false }
        case 4:
            if isWord(bytes, "true") { return true }
        case 5:
            if isWord(bytes, "false") { return false }
        default:
            break
        }
        return nil
    }

    /// True when `bytes` spell the lower-case ASCII letters of `word` in lower, Capitalised or UPPER case.
    private static func isWord(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count == count else { return false }
        let letters = word.utf8Start
        let upperOffset = UInt8(ascii: "a") - UInt8(ascii: "A")
        guard bytes[0] == letters[0] || bytes[0] == letters[0] - upperOffset else { return false }
        guard count > 1 else { return true }
        // The second letter decides the case of the rest: UPPER, or lower (after a lower or Capital first).
        let upper = bytes[1] == letters[1] - upperOffset
        if upper, bytes[0] == letters[0] { return false }
        for index in 1..<count {
            let expected = upper ? letters[index] - upperOffset : letters[index]
            guard bytes[index] == expected else { return false }
        }
        return true
    }

    static func specialFloat(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": .infinity
        case "-.inf", "-.Inf", "-.INF": -.infinity
        case ".nan", ".NaN", ".NAN": .nan
        default: nil
        }
    }

    /// Go's `strconv.ParseInt(s, 0, 64)` after removing underscores, plus go-yaml's `0b`/`-0b`.
    static func intValue(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { intValue($0) }
    }

    /// `intValue` over UTF-8 bytes.
    static func intValue(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        withoutUnderscores(text) { bytes in
            var bytes = bytes[...]
            guard let sign = bytes.first else { return nil }
            var negative = false
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                negative = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty else { return nil }
            var radix: UInt64 = 10
            if bytes.count > 1, bytes[bytes.startIndex] == UInt8(ascii: "0") {
                switch bytes[bytes.startIndex + 1] {
                case UInt8(ascii: "x"), UInt8(ascii: "X"): radix = 16; bytes = bytes.dropFirst(2)
                case UInt8(ascii: "o"), UInt8(ascii: "O"): radix = 8; bytes = bytes.dropFirst(2)
                case UInt8(ascii: "b"), UInt8(ascii: "B"): radix = 2; bytes = bytes.dropFirst(2)
                default: radix = 8; bytes = bytes.dropFirst(1)
                }
                guard !bytes.isEmpty else { return nil }
            }
            var magnitude: UInt64 = 0
            for byte in bytes {
                let digit: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                guard digit < radix else { return nil }
                let (m1, o1) = magnitude.multipliedReportingOverflow(by: radix)
                let (m2, o2) = m1.addingReportingOverflow(digit)
                guard !o1, !o2 else { return nil }
                magnitude = m2
            }
            if negative {
                guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
                return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return Int64(magnitude)
        }
    }

    /// go-yaml's float syntax: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` (underscores removed).
    static func floatValue(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { floatValue($0) }
    }

    /// `floatValue` over UTF-8 bytes.
    static func floatValue(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        withoutUnderscores(text) { bytes in
            var i = 0
            func digits() -> Int {
                let start = i
                while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
                return i - start
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() > 0 else { return nil }
            } else {
                guard digits() > 0 else { return nil }
                if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                    i += 1
                    _ = digits()
                }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { return nil }
            }
            guard i == bytes.count else { return nil }
            return Double(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Calls `body` with `text` minus its underscores, copying only when there are some.
    private static func withoutUnderscores<Result>(
        _ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        guard text.contains(UInt8(ascii: "_")) else { return body(text) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count) { buffer in
            var count = 0
            for byte in text where byte != UInt8(ascii: "_") {
                buffer[count] = byte
                count += 1
            }
            return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }
}
