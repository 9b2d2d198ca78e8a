/// The list functions: `join` and the Kubernetes list library.
extension CELFunctions {
    /// Calls `items.name(args)`, or returns nil when no list function has that name and arity.
    static func listMethod(
        _ name: String, _ items: [CELValue], _ args: [CELValue]
    ) throws(CELEvalError) -> CELValue? {
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
}
