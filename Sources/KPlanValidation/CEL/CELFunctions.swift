/// The functions CRD rules call: CEL's standard functions and conversions, `duration()`,
/// `timestamp()`, optionals, the `sets` extension, and the Kubernetes string, regex, list, net (IP and
/// CIDR), format, quantity and URL libraries (two-variable comprehensions are macros, in the parser).
/// Not provided: the semver library, and time zone names other than fixed offsets.
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
        "timestamp", "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear",
        "getHours", "getMinutes", "getSeconds", "getMilliseconds", "quantity", "isQuantity", "isInteger", "asInteger",
        "asApproximateFloat", "sign", "add", "sub", "isGreaterThan", "isLessThan", "compareTo", "url", "isURL",
        "getScheme", "getHost", "getHostname", "getPort", "getEscapedPath", "getQuery",
    ])

    /// A short rendering of a value for error messages.
    static func display(_ value: CELValue) -> String {
        switch value {
        case .string(let s): "\"\(s)\""
        case let other: (try? string(other)) ?? other.typeName
        }
    }

    /// Calls `name` as `name(args)` or `target.name(args)`; the parser has checked that `name` is one of `names`.
    static func call(_ name: String, target: CELValue?, args: [CELValue]) throws(CELEvalError) -> CELValue {
        if let target { return try method(name, target, args) }
        if name.hasPrefix("format."), args.isEmpty, let format = CELFormat(rawValue: String(name.dropFirst(7))) {
            return .format(format)
        }
        switch (name, args.count) {
        case ("size", 1): return try method("size", args[0], [])
        case ("sets.contains", 2), ("sets.equivalent", 2), ("sets.intersects", 2):
            guard let a = args[0].listElements, let b = args[1].listElements else { throw noOverload(name, args) }
            let aHoldsAllOfB = b.allSatisfy { x in a.contains { CELValue.equal($0, x) } }
            let bHoldsAllOfA = a.allSatisfy { x in b.contains { CELValue.equal($0, x) } }
            switch name {
            case "sets.contains": return .bool(aHoldsAllOfB)
            case "sets.equivalent": return .bool(aHoldsAllOfB && bHoldsAllOfA)
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
        case ("timestamp", 1):
            switch args[0] {
            case .timestamp: return args[0]
            case .string(let s):
                guard let instant = CELTimestamp.parse(s) else { throw .failure("invalid timestamp '\(s)'") }
                return .timestamp(seconds: instant.seconds, nanos: instant.nanos)
            default: throw noOverload(name, args)
            }
        case ("quantity", 1), ("isQuantity", 1):
            guard case .string(let s) = args[0] else { throw noOverload(name, args) }
            let parsed = CELQuantity.parse(s)
            if name == "isQuantity" { return .bool(parsed != nil) }
            guard let parsed else { throw .failure("invalid quantity '\(s)'") }
            return .quantity(parsed)
        case ("url", 1), ("isURL", 1):
            guard case .string(let s) = args[0] else { throw noOverload(name, args) }
            let parsed = CELURL(s)
            if name == "isURL" { return .bool(parsed != nil) }
            guard let parsed else { throw .failure("URL parse error during conversion from string: \(s)") }
            return .url(parsed)
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

    /// The error for a call no overload accepts.
    static func noOverload(_ name: String, _ args: [CELValue], target: CELValue? = nil) -> CELEvalError {
        let types = args.map(\.typeName).joined(separator: ", ")
        if let target { return .failure("found no matching overload for '\(target.typeName).\(name)(\(types))'") }
        return .failure("found no matching overload for '\(name)(\(types))'")
    }

    private static func method(
        _ name: String, _ target: CELValue, _ args: [CELValue]
    ) throws(CELEvalError) -> CELValue {
        if case .string(let s) = target { return try stringMethod(name, s, args) }
        if let items = target.listElements, let result = try listMethod(name, items, args) { return result }
        if case .format(let format) = target, name == "validate", args.count == 1, case .string(let s) = args[0] {
            let errors = format.errors(s)
            return errors.isEmpty ? .null : .list(errors.map(CELValue.string))
        }
        if let result = try CELNetwork.method(name, target, args) { return result }
        if let result = try timeMethod(name, target, args) { return result }
        if case .quantity(let q) = target, let result = try CELQuantity.method(name, q, args) { return result }
        if case .url(let url) = target, args.isEmpty, let result = url.method(name) { return result }
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
}
