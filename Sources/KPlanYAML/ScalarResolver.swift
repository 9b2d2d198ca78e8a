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
        let utf8 = text.utf8
        guard let first = utf8.first else { return .null }
        // Every special word (null, booleans, .inf/.nan) has at most 5 bytes; numbers start with a digit,
        // a sign or a dot. Anything else is a string, which is most scalars.
        if utf8.count > 5, first > UInt8(ascii: "9") { return .string(text) }
        switch first {
        case UInt8(ascii: "~"):
            return text == "~" ? .null : .string(text)
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if text == "null" || text == "Null" || text == "NULL" { return .null }
            if let b = boolValue(text) { return .bool(b) }
            return .string(text)
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            if let b = boolValue(text) { return .bool(b) }
            return .string(text)
        case UInt8(ascii: "."):
            if let f = specialFloat(text) { return .float(f) }
            if let f = floatValue(text) { return .float(f) }
            return .string(text)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let f = specialFloat(text) { return .float(f) }
            if let i = intValue(text) { return .int(i) }
            if let f = floatValue(text) { return .float(f) }
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
        switch text {
        case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE": true
        case "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE": false
        default: nil
        }
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
        var bytes = Array(text.utf8.filter { $0 != UInt8(ascii: "_") })
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        guard !bytes.isEmpty else { return nil }
        var radix: UInt64 = 10
        if bytes.count > 1, bytes[0] == UInt8(ascii: "0") {
            switch bytes[1] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"): radix = 16; bytes.removeFirst(2)
            case UInt8(ascii: "o"), UInt8(ascii: "O"): radix = 8; bytes.removeFirst(2)
            case UInt8(ascii: "b"), UInt8(ascii: "B"): radix = 2; bytes.removeFirst(2)
            default: radix = 8; bytes.removeFirst(1)
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

    /// go-yaml's float syntax: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` (underscores removed).
    static func floatValue(_ text: String) -> Double? {
        let bytes = Array(text.utf8.filter { $0 != UInt8(ascii: "_") })
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
