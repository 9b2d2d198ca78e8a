/// Equality and ordering, as CEL defines them (heterogeneous equality; numeric types compare by value).
extension CELValue {
    /// `a == b`: values of different non-numeric types are unequal, never an error.
    static func equal(_ a: CELValue, _ b: CELValue) -> Bool {
        if let order = numericOrder(a, b) { return order == 0 }
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.duration(let x), .duration(let y)): return x == y
        case (.timestamp(let s, let n), .timestamp(let t, let m)): return s == t && n == m
        case (.type(let x), .type(let y)): return x == y
        case (.format(let x), .format(let y)): return x == y
        case (.ip(let x), .ip(let y)): return x == y
        case (.url(let x), .url(let y)): return x == y
        case (.quantity(let x), .quantity(let y)): return x == y
        case (.cidr(let x, let p), .cidr(let y, let q)): return x == y && p == q
        case (.optional(let x), .optional(let y)):
            guard let x, let y else { return x == nil && y == nil }
            return equal(x, y)
        default: break
        }
        if let x = a.listElements, let y = b.listElements {
            guard x.count == y.count else { return false }
            if CELSchema.isUnorderedList(a) || CELSchema.isUnorderedList(b) {
                var unmatched = y
                for element in x {
                    guard let match = unmatched.firstIndex(where: { equal(element, $0) }) else { return false }
                    unmatched.remove(at: match)
                }
                return true
            }
            return zip(x, y).allSatisfy { equal($0, $1) }
        }
        if let keys = a.mapKeys, let otherKeys = b.mapKeys {
            guard keys.count == otherKeys.count else { return false }
            return keys.allSatisfy { key in
                guard let x = a.mapValue(key), let y = b.mapValue(key) else { return false }
                return equal(x, y)
            }
        }
        return false
    }

    /// The order of two numbers of any numeric types, or nil when either is not a number.
    ///
    /// NaN is unordered; it compares as "not equal" (returns 2).
    static func numericOrder(_ a: CELValue, _ b: CELValue) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.uint(let x), .uint(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.int(let x), .uint(let y)): return x < 0 ? -1 : order(UInt64(x), y)
        case (.uint(let x), .int(let y)): return y < 0 ? 1 : order(x, UInt64(y))
        case (.double(let x), .double(let y)): return order(x, y)
        case (.double(let x), .int(let y)): return order(x, Double(y))
        case (.int(let x), .double(let y)): return order(Double(x), y)
        case (.double(let x), .uint(let y)): return order(x, Double(y))
        case (.uint(let x), .double(let y)): return order(Double(x), y)
        default: return nil
        }
    }

    /// The order of two values for `<`, `<=`, `>`, `>=`.
    static func compare(_ a: CELValue, _ b: CELValue) throws(CELEvalError) -> Int {
        if let order = numericOrder(a, b) {
            if order == 2 { throw .failure("NaN is not ordered") }
            return order
        }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            if x == y { return 0 }
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) { $0.value < $1.value } ? -1 : 1
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.bytes(let x), .bytes(let y)): return x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
        case (.duration(let x), .duration(let y)): return order(x, y)
        case (.timestamp(let s, let n), .timestamp(let t, let m)): return s == t ? order(n, m) : order(s, t)
        default: throw .failure("no such overload: \(a.typeName) < \(b.typeName)")
        }
    }
}

private func order<T: Comparable>(_ x: T, _ y: T) -> Int {
    if x < y { return -1 }
    if x > y { return 1 }
    return x == y ? 0 : 2
}
