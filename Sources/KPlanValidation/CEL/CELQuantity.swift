import Foundation

/// Kubernetes resource quantities (`500m`, `1.5Gi`, `2e3`) for the CEL quantity library, held as exact
/// decimals.
enum CELQuantity {
    private static let suffixes: [String: Decimal] = [
        "": 1, "n": power(-9), "u": power(-6), "m": power(-3), "k": power(3), "M": power(6), "G": power(9),
        "T": power(12), "P": power(15), "E": power(18), "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824,
        "Ti": 1_099_511_627_776, "Pi": 1_125_899_906_842_624, "Ei": 1_152_921_504_606_846_976,
    ]

    private static func power(_ exponent: Int) -> Decimal {
        Decimal(sign: .plus, exponent: exponent, significand: 1)
    }

    /// The value of `text`, or nil when it is not a Kubernetes quantity.
    static func parse(_ text: String) -> Decimal? {
        var rest = Substring(text)
        var negative = false
        if let first = rest.first, first == "+" || first == "-" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard number.contains(where: \.isNumber), number.filter({ $0 == "." }).count <= 1,
            let magnitude = Decimal(string: String(number), locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        let suffix = String(rest.dropFirst(number.count))
        let scale: Decimal
        if let known = suffixes[suffix] {
            scale = known
        } else if let e = suffix.first, e == "e" || e == "E", let exponent = Int(suffix.dropFirst()),
            abs(exponent) <= 100, !suffix.dropFirst().hasPrefix("+")
        {
            scale = power(exponent)
        } else {
            return nil
        }
        let value = magnitude * scale
        return negative ? -value : value
    }

    /// The quantity methods, or nil when `name` is not one for `target`.
    static func method(_ name: String, _ target: Decimal, _ args: [CELValue]) throws(CELEvalError) -> CELValue? {
        switch (name, args.count) {
        case ("isInteger", 0): return .bool(isInteger(target))
        case ("asInteger", 0):
            let value = NSDecimalNumber(decimal: target).int64Value
            guard isInteger(target), Decimal(value) == target else { throw .failure("cannot convert value to integer") }
            return .int(value)
        case ("asApproximateFloat", 0): return .double(NSDecimalNumber(decimal: target).doubleValue)
        case ("sign", 0): return .int(target > 0 ? 1 : (target < 0 ? -1 : 0))
        case ("add", 1), ("sub", 1):
            let other: Decimal
            switch args[0] {
            case .quantity(let q): other = q
            case .int(let i): other = Decimal(i)
            default: return nil
            }
            return .quantity(name == "add" ? target + other : target - other)
        case ("isGreaterThan", 1), ("isLessThan", 1), ("compareTo", 1):
            guard case .quantity(let other) = args[0] else { return nil }
            let order: Int64 = target < other ? -1 : (target > other ? 1 : 0)
            switch name {
            case "isGreaterThan": return .bool(order > 0)
            case "isLessThan": return .bool(order < 0)
            default: return .int(order)
            }
        default: return nil
        }
    }

    private static func isInteger(_ value: Decimal) -> Bool {
        var value = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return rounded == value
    }
}
