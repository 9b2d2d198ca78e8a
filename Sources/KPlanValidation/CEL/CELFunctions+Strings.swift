/// The string functions: CEL's standard ones, the Kubernetes string library and its regex functions.
///
/// Positions and lengths count Unicode code points, as cel-go does.
extension CELFunctions {
    /// Calls `s.name(args)`.
    static func stringMethod(_ name: String, _ s: String, _ args: [CELValue]) throws(CELEvalError) -> CELValue {
        let strings = args.compactMap { (arg: CELValue) -> String? in
            if case .string(let v) = arg { return v }
            return nil
        }
        let ints = args.compactMap { (arg: CELValue) -> Int64? in
            if case .int(let v) = arg { return v }
            return nil
        }
        let scalars = Array(s.unicodeScalars)
        func position(_ value: Int64) throws(CELEvalError) -> Int {
            guard value >= 0, value <= scalars.count else { throw .failure("index out of range: \(value)") }
            return Int(value)
        }
        let regexes = CELRegexCache.shared
        switch (name, strings.count, ints.count, args.count) {
        case ("size", 0, 0, 0): return .int(Int64(scalars.count))
        case ("contains", 1, 0, 1):
            let needle = Array(strings[0].unicodeScalars)
            return .bool(find(needle, in: scalars, from: 0, last: false) >= 0)
        case ("startsWith", 1, 0, 1): return .bool(scalars.starts(with: strings[0].unicodeScalars))
        case ("endsWith", 1, 0, 1): return .bool(scalars.reversed().starts(with: strings[0].unicodeScalars.reversed()))
        case ("matches", 1, 0, 1): return .bool(try regexes.matches(s, pattern: strings[0]))
        case ("find", 1, 0, 1): return .string(try regexes.find(s, pattern: strings[0], limit: 1).first ?? "")
        case ("findAll", 1, 0, 1):
            return .list(try regexes.find(s, pattern: strings[0], limit: -1).map(CELValue.string))
        case ("findAll", 1, 1, 2):
            return .list(try regexes.find(s, pattern: strings[0], limit: ints[0]).map(CELValue.string))
        case ("lowerAscii", 0, 0, 0): return .string(text(scalars.map { shifted($0, in: "A"..."Z", by: 32) }))
        case ("upperAscii", 0, 0, 0): return .string(text(scalars.map { shifted($0, in: "a"..."z", by: -32) }))
        case ("trim", 0, 0, 0):
            let isSpace = { (c: Unicode.Scalar) in c.properties.isWhitespace }
            return .string(text(Array(scalars.drop(while: isSpace).reversed().drop(while: isSpace).reversed())))
        case ("charAt", 0, 1, 1):
            let at = try position(ints[0])
            return .string(at == scalars.count ? "" : text(Array(scalars[at..<at + 1])))
        case ("substring", 0, 1, 1): return .string(text(Array(scalars[try position(ints[0])...])))
        case ("substring", 0, 2, 2):
            let start = try position(ints[0])
            let end = try position(ints[1])
            guard start <= end else { throw .failure("invalid substring range: start \(start) > end \(end)") }
            return .string(text(Array(scalars[start..<end])))
        case ("indexOf", 1, 0, 1), ("indexOf", 1, 1, 2):
            let start = ints.isEmpty ? 0 : try position(ints[0])
            return .int(Int64(find(Array(strings[0].unicodeScalars), in: scalars, from: start, last: false)))
        case ("lastIndexOf", 1, 0, 1), ("lastIndexOf", 1, 1, 2):
            let needle = Array(strings[0].unicodeScalars)
            let end = ints.isEmpty ? scalars.count : try position(ints[0])
            let searched = Array(scalars[0..<min(scalars.count, end + needle.count)])
            return .int(Int64(find(needle, in: searched, from: 0, last: true)))
        case ("replace", 2, 0, 2): return .string(replace(s, strings[0], strings[1], limit: -1))
        case ("replace", 2, 1, 3): return .string(replace(s, strings[0], strings[1], limit: ints[0]))
        case ("split", 1, 0, 1): return .list(split(s, strings[0], limit: -1).map(CELValue.string))
        case ("split", 1, 1, 2): return .list(split(s, strings[0], limit: ints[0]).map(CELValue.string))
        default: throw noOverload(name, args, target: .string(s))
        }
    }

    private static func text(_ scalars: [Unicode.Scalar]) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    private static func shifted(
        _ c: Unicode.Scalar, in range: ClosedRange<Unicode.Scalar>, by offset: Int32
    ) -> Unicode.Scalar {
        guard range.contains(c), let moved = Unicode.Scalar(UInt32(Int32(c.value) + offset)) else { return c }
        return moved
    }

    /// The first (or last) position of `needle` in `haystack` at or after `start`, or -1.
    private static func find(
        _ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int, last: Bool
    ) -> Int {
        guard needle.count <= haystack.count - start else { return -1 }
        let candidates = Array(start...(haystack.count - needle.count))
        for i in (last ? candidates.reversed() : candidates)
        where haystack[i..<i + needle.count].elementsEqual(needle) {
            return i
        }
        return -1
    }

    /// `s` with up to `limit` (all when negative) occurrences of `old` replaced; an empty `old` matches
    /// before each code point and at the end, as in Go.
    private static func replace(_ s: String, _ old: String, _ new: String, limit: Int64) -> String {
        guard limit != 0 else { return s }
        if old.isEmpty {
            var pieces = s.unicodeScalars.map { String($0) }
            let count = limit < 0 ? pieces.count + 1 : min(Int(clamping: limit), pieces.count + 1)
            for i in stride(from: count - 1, through: 0, by: -1) { pieces.insert(new, at: i) }
            return pieces.joined()
        }
        if limit < 0 { return s.replacing(old, with: new) }
        return s.replacing(old, with: new, maxReplacements: Int(clamping: limit))
    }

    /// `s` split at `separator` into at most `limit` parts (all when negative); an empty separator
    /// splits into code points.
    private static func split(_ s: String, _ separator: String, limit: Int64) -> [String] {
        if limit == 0 { return [] }
        if separator.isEmpty {
            let all = s.unicodeScalars.map { String($0) }
            guard limit > 0, all.count > limit else { return all }
            return Array(all.prefix(Int(limit) - 1)) + [all.dropFirst(Int(limit) - 1).joined()]
        }
        var parts = s.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        if limit > 0, parts.count > limit {
            let head = parts.prefix(Int(limit) - 1)
            parts = Array(head) + [parts.dropFirst(Int(limit) - 1).joined(separator: separator)]
        }
        return parts
    }
}
