/// The functions CRD rules call: CEL's standard functions, the Kubernetes string, list, net and format
/// libraries (as far as the corpus rules need), and conversions.
enum CELFunctions {
    /// Identifiers that name types when no variable shadows them.
    static let typeNames: Set<String> = [
        "int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type",
    ]

    /// Library namespaces whose functions are called as `namespace.function(…)`; the parser resolves
    /// these qualified names, as cel-go does when no variable has the namespace's name.
    static let namespaces: Set<String> = ["format", "ip", "optional", "sets"]

    /// Every function name the evaluator knows, as a global or receiver call, qualified for namespaces.
    static let names: Set<String> = Set(CELFormat.allCases.map { "format.\($0.rawValue)" }).union([
        "ip.isCanonical", "sets.contains", "sets.equivalent", "sets.intersects", "optional.of", "optional.none",
        "optional.ofNonZeroValue", "hasValue", "value", "orValue",
        "size", "matches", "contains", "startsWith", "endsWith", "int", "uint", "double", "string", "bool", "bytes",
        "dyn", "type", "duration", "isIP", "isCIDR", "lowerAscii", "upperAscii", "trim", "charAt", "substring",
        "indexOf", "lastIndexOf", "replace", "split", "join", "isSorted", "min", "max", "sum", "validate",
        "find", "findAll", "ip", "cidr", "family", "isUnspecified", "isLoopback", "isLinkLocalMulticast",
        "isLinkLocalUnicast", "isGlobalUnicast", "containsIP", "containsCIDR", "masked", "prefixLength",
    ])

    /// A short rendering of a value for messages and `string()`.
    static func display(_ value: CELValue) -> String {
        switch value {
        case .string(let s): "\"\(s)\""
        case let other: (try? string(other)) ?? other.typeName
        }
    }

    /// Calls `name` as `name(args)` or `target.name(args)`.
    static func call(_ name: String, target: CELValue?, args: [CELValue]) throws(CELEvalError) -> CELValue {
        guard names.contains(name) else { throw .failure("undeclared reference to function '\(name)'") }
        if let target { return try method(name, target, args) }
        if name.hasPrefix("format."), args.isEmpty, let format = CELFormat(rawValue: String(name.dropFirst(7))) {
            return .format(format)
        }
        switch (name, args.count) {
        case ("size", 1): return try method("size", args[0], [])
        case ("sets.contains", 2), ("sets.equivalent", 2), ("sets.intersects", 2):
            guard let a = args[0].listElements, let b = args[1].listElements else { throw noOverload(name, args) }
            let aHasAllOfB = b.allSatisfy { x in a.contains { CELValue.equal($0, x) } }
            switch name {
            case "sets.contains": return .bool(aHasAllOfB)
            case "sets.equivalent": return .bool(aHasAllOfB && a.allSatisfy { x in b.contains { CELValue.equal($0, x) } })
            default: return .bool(a.contains { x in b.contains { CELValue.equal($0, x) } })
            }
        case ("optional.of", 1): return .optional(args[0])
        case ("optional.none", 0): return .optional(nil)
        case ("optional.ofNonZeroValue", 1): return .optional(isZero(args[0]) ? nil : args[0])
        case ("ip.isCanonical", 1):
            guard case .string(let s) = args[0] else { throw noOverload(name, args) }
            guard let bytes = CELNetwork.parseIP(s) else { throw .failure("IP address '\(s)' parse error") }
            return .bool(CELNetwork.render(bytes) == s)
        case ("matches", 2), ("contains", 2), ("startsWith", 2), ("endsWith", 2):
            return try method(name, args[0], [args[1]])
        case ("int", 1): return try toInt(args[0])
        case ("uint", 1): return try toUInt(args[0])
        case ("double", 1): return try toDouble(args[0])
        case ("string", 1): return .string(try string(args[0]))
        case ("bool", 1):
            switch args[0] {
            case .bool: return args[0]
            case .string(let s) where ["true", "True", "TRUE", "t", "1"].contains(s): return .bool(true)
            case .string(let s) where ["false", "False", "FALSE", "f", "0"].contains(s): return .bool(false)
            default: throw .failure("cannot convert \(display(args[0])) to bool")
            }
        case ("bytes", 1):
            guard case .string(let s) = args[0] else { throw noOverload(name, args) }
            return .bytes(Array(s.utf8))
        case ("dyn", 1): return args[0]
        case ("type", 1): return .type(args[0].typeName)
        case ("duration", 1):
            switch args[0] {
            case .duration: return args[0]
            case .string(let s):
                guard let nanoseconds = CELDuration.parse(s) else { throw .failure("invalid duration '\(s)'") }
                return .duration(nanoseconds)
            default: throw noOverload(name, args)
            }
        case ("isIP", 1):
            guard case .string(let s) = args[0] else { throw noOverload(name, args) }
            return .bool(CELNetwork.parseIP(s) != nil)
        case ("isCIDR", 1):
            guard case .string(let s) = args[0] else { throw noOverload(name, args) }
            return .bool(CELNetwork.parseCIDR(s) != nil)
        case ("ip", 1):
            guard case .string(let s) = args[0] else { throw noOverload(name, args) }
            guard let bytes = CELNetwork.parseIP(s) else { throw .failure("IP address '\(s)' parse error") }
            return .ip(bytes)
        case ("cidr", 1):
            guard case .string(let s) = args[0] else { throw noOverload(name, args) }
            guard let parsed = CELNetwork.parseCIDR(s) else { throw .failure("network address '\(s)' parse error") }
            return .cidr(parsed.address, prefix: parsed.prefix)
        default: throw noOverload(name, args)
        }
    }

    private static func noOverload(_ name: String, _ args: [CELValue], target: CELValue? = nil) -> CELEvalError {
        let types = args.map(\.typeName).joined(separator: ", ")
        if let target { return .failure("found no matching overload for '\(target.typeName).\(name)(\(types))'") }
        return .failure("found no matching overload for '\(name)(\(types))'")
    }

    private static func method(_ name: String, _ target: CELValue, _ args: [CELValue]) throws(CELEvalError) -> CELValue {
        if case .string(let s) = target { return try stringMethod(name, s, args) }
        if let items = target.listElements, let result = try listMethod(name, items, args) { return result }
        if case .format(let format) = target, name == "validate", args.count == 1, case .string(let s) = args[0] {
            let errors = format.errors(s)
            return errors.isEmpty ? .null : .list(errors.map(CELValue.string))
        }
        if let result = try CELNetwork.method(name, target, args) { return result }
        if case .optional(let wrapped) = target {
            switch (name, args.count) {
            case ("hasValue", 0): return .bool(wrapped != nil)
            case ("value", 0):
                guard let wrapped else { throw .failure("optional.none() dereference") }
                return wrapped
            case ("orValue", 1): return wrapped ?? args[0]
            default: break
            }
        }
        if name == "size", args.isEmpty, let size = target.size { return .int(size) }
        throw noOverload(name, args, target: target)
    }

    private static func stringMethod(_ name: String, _ s: String, _ args: [CELValue]) throws(CELEvalError) -> CELValue {
        let strings = args.compactMap { (arg: CELValue) -> String? in
            if case .string(let v) = arg { return v }
            return nil
        }
        let ints = args.compactMap { (arg: CELValue) -> Int64? in
            if case .int(let v) = arg { return v }
            return nil
        }
        let scalars = Array(s.unicodeScalars)
        func text(_ range: Range<Int>) -> String {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[range])
            return String(out)
        }
        func position(_ value: Int64) throws(CELEvalError) -> Int {
            guard value >= 0, value <= scalars.count else { throw .failure("index out of range: \(value)") }
            return Int(value)
        }
        switch (name, strings.count, ints.count, args.count) {
        case ("size", 0, 0, 0): return .int(Int64(scalars.count))
        case ("contains", 1, 0, 1): return .bool(strings[0].isEmpty || s.unicodeScalars.firstRange(of: strings[0].unicodeScalars) != nil)
        case ("startsWith", 1, 0, 1): return .bool(s.unicodeScalars.starts(with: strings[0].unicodeScalars))
        case ("endsWith", 1, 0, 1): return .bool(s.unicodeScalars.reversed().starts(with: strings[0].unicodeScalars.reversed()))
        case ("matches", 1, 0, 1): return .bool(try CELRegexCache.shared.matches(s, pattern: strings[0]))
        case ("find", 1, 0, 1): return .string(try CELRegexCache.shared.find(s, pattern: strings[0], limit: 1).first ?? "")
        case ("findAll", 1, 0, 1): return .list(try CELRegexCache.shared.find(s, pattern: strings[0], limit: -1).map(CELValue.string))
        case ("findAll", 1, 1, 2):
            return .list(try CELRegexCache.shared.find(s, pattern: strings[0], limit: ints[0]).map(CELValue.string))
        case ("lowerAscii", 0, 0, 0):
            return .string(String(String.UnicodeScalarView(s.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 })))
        case ("upperAscii", 0, 0, 0):
            return .string(String(String.UnicodeScalarView(s.unicodeScalars.map { ("a"..."z").contains($0) ? Unicode.Scalar($0.value - 32)! : $0 })))
        case ("trim", 0, 0, 0):
            let kept = scalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }.reversed()
            return .string(String(String.UnicodeScalarView(kept)))
        case ("charAt", 0, 1, 1):
            let at = try position(ints[0])
            return .string(at == scalars.count ? "" : text(at..<at + 1))
        case ("substring", 0, 1, 1): return .string(text(try position(ints[0])..<scalars.count))
        case ("substring", 0, 2, 2):
            let start = try position(ints[0])
            let end = try position(ints[1])
            guard start <= end else { throw .failure("invalid substring range: start \(start) > end \(end)") }
            return .string(text(start..<end))
        case ("indexOf", 1, 0, 1), ("indexOf", 1, 1, 2):
            let start = ints.isEmpty ? 0 : try position(ints[0])
            return .int(Int64(find(Array(strings[0].unicodeScalars), in: scalars, from: start, last: false)))
        case ("lastIndexOf", 1, 0, 1), ("lastIndexOf", 1, 1, 2):
            let end = ints.isEmpty ? scalars.count : try position(ints[0])
            return .int(Int64(find(Array(strings[0].unicodeScalars), in: Array(scalars[0..<min(scalars.count, end + strings[0].unicodeScalars.count)]), from: 0, last: true)))
        case ("replace", 2, 0, 2): return .string(replace(s, strings[0], strings[1], limit: -1))
        case ("replace", 2, 1, 3): return .string(replace(s, strings[0], strings[1], limit: ints[0]))
        case ("split", 1, 0, 1): return .list(split(s, strings[0], limit: -1).map(CELValue.string))
        case ("split", 1, 1, 2): return .list(split(s, strings[0], limit: ints[0]).map(CELValue.string))
        default: throw noOverload(name, args, target: .string(s))
        }
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int, last: Bool) -> Int {
        guard needle.count <= haystack.count - start else { return -1 }
        let candidates = Array(start...(haystack.count - needle.count))
        for i in (last ? candidates.reversed() : candidates) where haystack[i..<i + needle.count].elementsEqual(needle) {
            return i
        }
        return -1
    }

    private static func replace(_ s: String, _ old: String, _ new: String, limit: Int64) -> String {
        guard limit != 0 else { return s }
        if limit < 0 { return s.replacing(old, with: new) }
        return s.replacing(old, with: new, maxReplacements: Int(clamping: limit))
    }

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

    private static func listMethod(_ name: String, _ items: [CELValue], _ args: [CELValue]) throws(CELEvalError) -> CELValue? {
        switch (name, args.count) {
        case ("size", 0): return .int(Int64(items.count))
        case ("join", 0), ("join", 1):
            var separator = ""
            if args.count == 1 {
                guard case .string(let s) = args[0] else { return nil }
                separator = s
            }
            var parts: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw .failure("join: list holds a \(item.typeName)") }
                parts.append(s)
            }
            return .string(parts.joined(separator: separator))
        case ("indexOf", 1): return .int(Int64(items.firstIndex { CELValue.equal($0, args[0]) } ?? -1))
        case ("lastIndexOf", 1): return .int(Int64(items.lastIndex { CELValue.equal($0, args[0]) } ?? -1))
        case ("isSorted", 0):
            for (a, b) in zip(items, items.dropFirst()) where try CELValue.compare(a, b) > 0 { return .bool(false) }
            return .bool(true)
        case ("min", 0), ("max", 0):
            guard var best = items.first else { throw .failure("\(name)(): list is empty") }
            for item in items.dropFirst() {
                let order = try CELValue.compare(item, best)
                if name == "min" ? order < 0 : order > 0 { best = item }
            }
            return best
        case ("sum", 0):
            guard var total = items.first else { return .int(0) }
            for item in items.dropFirst() {
                total = try CELOperators.apply(.add, total, item, charge: { (_: Int) throws(CELEvalError) in })
            }
            return total
        default: return nil
        }
    }

    /// True for the zero value of the value's type (`0`, `""`, `false`, `null`, empty list or map).
    private static func isZero(_ value: CELValue) -> Bool {
        switch value {
        case .null: return true
        case .bool(let b): return !b
        case .int(let i): return i == 0
        case .uint(let u): return u == 0
        case .double(let d): return d == 0
        case .duration(let d): return d == 0
        case .string, .bytes, .list, .map, .node: return value.size == 0
        case .type, .format, .ip, .cidr, .optional: return false
        }
    }

    private static func toInt(_ value: CELValue) throws(CELEvalError) -> CELValue {
        switch value {
        case .int: return value
        case .uint(let u):
            guard let i = Int64(exactly: u) else { throw .failure("integer overflow") }
            return .int(i)
        case .double(let d):
            guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775807e18 else {
                throw .failure("integer overflow")
            }
            return .int(Int64(d))
        case .string(let s):
            guard let i = Int64(s) else { throw .failure("cannot convert \"\(s)\" to int") }
            return .int(i)
        case .duration(let nanoseconds): return .int(nanoseconds)
        default: throw noOverload("int", [value])
        }
    }

    private static func toUInt(_ value: CELValue) throws(CELEvalError) -> CELValue {
        switch value {
        case .uint: return value
        case .int(let i):
            guard let u = UInt64(exactly: i) else { throw .failure("unsigned integer overflow") }
            return .uint(u)
        case .double(let d):
            guard d.isFinite, d > -1, d < 1.8446744073709552e19 else { throw .failure("unsigned integer overflow") }
            return .uint(UInt64(d))
        case .string(let s):
            guard let u = UInt64(s) else { throw .failure("cannot convert \"\(s)\" to uint") }
            return .uint(u)
        default: throw noOverload("uint", [value])
        }
    }

    private static func toDouble(_ value: CELValue) throws(CELEvalError) -> CELValue {
        switch value {
        case .double: return value
        case .int(let i): return .double(Double(i))
        case .uint(let u): return .double(Double(u))
        case .string(let s):
            guard let d = Double(s) else { throw .failure("cannot convert \"\(s)\" to double") }
            return .double(d)
        default: throw noOverload("double", [value])
        }
    }

    /// `string(value)`.
    static func string(_ value: CELValue) throws(CELEvalError) -> String {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
        case .bool(let b): return b ? "true" : "false"
        case .bytes(let b):
            guard let s = String(validating: b, as: UTF8.self) else { throw .failure("bytes are not valid UTF-8") }
            return s
        case .duration(let nanoseconds): return CELDuration.render(nanoseconds)
        case .type(let name): return name
        case .ip(let bytes): return CELNetwork.render(bytes)
        case .cidr(let bytes, let prefix): return "\(CELNetwork.render(bytes))/\(prefix)"
        case .null, .list, .map, .node, .format, .optional: throw noOverload("string", [value])
        }
    }
}
