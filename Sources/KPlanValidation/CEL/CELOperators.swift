/// The strict binary operators: comparison, membership and arithmetic (overflow is an error).
enum CELOperators {
    /// Applies `op` (not `&&`/`||`, which the evaluator handles) to two values.
    static func apply(
        _ op: CELBinaryOperator, _ left: CELValue, _ right: CELValue,
        charge: (Int) throws(CELEvalError) -> Void
    ) throws(CELEvalError) -> CELValue {
        switch op {
        case .and, .or: throw .failure("logical operators are evaluated lazily")
        case .equal: return .bool(CELValue.equal(left, right))
        case .notEqual: return .bool(!CELValue.equal(left, right))
        case .less: return .bool(try CELValue.compare(left, right) < 0)
        case .lessOrEqual: return .bool(try CELValue.compare(left, right) <= 0)
        case .greater: return .bool(try CELValue.compare(left, right) > 0)
        case .greaterOrEqual: return .bool(try CELValue.compare(left, right) >= 0)
        case .in:
            if let items = right.listElements {
                try charge(items.count)
                return .bool(items.contains { CELValue.equal($0, left) })
            }
            if right.isMap { return .bool(right.mapValue(left) != nil) }
            throw .failure("no such overload: \(left.typeName) in \(right.typeName)")
        case .add: return try add(left, right, charge: charge)
        case .subtract, .multiply, .divide, .remainder: return try arithmetic(op, left, right)
        }
    }

    private static func add(
        _ left: CELValue, _ right: CELValue, charge: (Int) throws(CELEvalError) -> Void
    ) throws(CELEvalError) -> CELValue {
        switch (left, right) {
        case (.string(let a), .string(let b)):
            try charge((a.utf8.count + b.utf8.count) / 64)
            return .string(a + b)
        case (.bytes(let a), .bytes(let b)):
            try charge((a.count + b.count) / 64)
            return .bytes(a + b)
        case (.duration(let a), .duration(let b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            if overflow { throw .failure("duration overflow") }
            return .duration(sum)
        case (.timestamp(let seconds, let nanos), .duration(let d)),
            (.duration(let d), .timestamp(let seconds, let nanos)):
            return try shifted(seconds: seconds, nanos: nanos, by: d)
        default:
            if let a = left.listElements, let b = right.listElements {
                try charge((a.count + b.count) / 8)
                return .list(a + b)
            }
            return try arithmetic(.add, left, right)
        }
    }

    private static func arithmetic(
        _ op: CELBinaryOperator, _ left: CELValue, _ right: CELValue
    ) throws(CELEvalError) -> CELValue {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            let (value, overflow): (Int64, Bool)
            switch op {
            case .add: (value, overflow) = a.addingReportingOverflow(b)
            case .subtract: (value, overflow) = a.subtractingReportingOverflow(b)
            case .multiply: (value, overflow) = a.multipliedReportingOverflow(by: b)
            case .divide:
                guard b != 0 else { throw .failure("division by zero") }
                (value, overflow) = a.dividedReportingOverflow(by: b)
            case .remainder:
                guard b != 0 else { throw .failure("modulus by zero") }
                (value, overflow) = a.remainderReportingOverflow(dividingBy: b)
            default: throw .failure("no such overload: int \(symbol(op)) int")
            }
            if overflow { throw .failure("integer overflow") }
            return .int(value)
        case (.uint(let a), .uint(let b)):
            let (value, overflow): (UInt64, Bool)
            switch op {
            case .add: (value, overflow) = a.addingReportingOverflow(b)
            case .subtract: (value, overflow) = a.subtractingReportingOverflow(b)
            case .multiply: (value, overflow) = a.multipliedReportingOverflow(by: b)
            case .divide:
                guard b != 0 else { throw .failure("division by zero") }
                (value, overflow) = a.dividedReportingOverflow(by: b)
            case .remainder:
                guard b != 0 else { throw .failure("modulus by zero") }
                (value, overflow) = a.remainderReportingOverflow(dividingBy: b)
            default: throw .failure("no such overload: uint \(symbol(op)) uint")
            }
            if overflow { throw .failure("unsigned integer overflow") }
            return .uint(value)
        case (.double(let a), .double(let b)):
            switch op {
            case .add: return .double(a + b)
            case .subtract: return .double(a - b)
            case .multiply: return .double(a * b)
            case .divide: return .double(a / b)
            default: throw .failure("no such overload: double % double")
            }
        case (.duration(let a), .duration(let b)) where op == .subtract:
            let (value, overflow) = a.subtractingReportingOverflow(b)
            if overflow { throw .failure("duration overflow") }
            return .duration(value)
        case (.timestamp(let seconds, let nanos), .duration(let d)) where op == .subtract:
            guard d != .min else { throw .failure("timestamp overflow") }
            return try shifted(seconds: seconds, nanos: nanos, by: -d)
        case (.timestamp(let s, let n), .timestamp(let t, let m)) where op == .subtract:
            let (seconds, overflow) = (s - t).multipliedReportingOverflow(by: 1_000_000_000)
            let (total, overflow2) = seconds.addingReportingOverflow(n - m)
            if overflow || overflow2 { throw .failure("duration overflow") }
            return .duration(total)
        default:
            throw .failure("no such overload: \(left.typeName) \(symbol(op)) \(right.typeName)")
        }
    }

    /// An instant moved by `nanoseconds`, within CEL's timestamp range.
    private static func shifted(
        seconds: Int64, nanos: Int64, by nanoseconds: Int64
    ) throws(CELEvalError) -> CELValue {
        let total = nanos + nanoseconds % 1_000_000_000
        let carry = total >= 1_000_000_000 ? 1 : (total < 0 ? -1 : 0)
        let newSeconds = seconds + nanoseconds / 1_000_000_000 + Int64(carry)
        guard CELTimestamp.range.contains(newSeconds) else { throw .failure("timestamp overflow") }
        return .timestamp(seconds: newSeconds, nanos: total - Int64(carry) * 1_000_000_000)
    }

    private static func symbol(_ op: CELBinaryOperator) -> String {
        switch op {
        case .or: "||"
        case .and: "&&"
        case .equal: "=="
        case .notEqual: "!="
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        case .in: "in"
        case .add: "+"
        case .subtract: "-"
        case .multiply: "*"
        case .divide: "/"
        case .remainder: "%"
        }
    }
}
