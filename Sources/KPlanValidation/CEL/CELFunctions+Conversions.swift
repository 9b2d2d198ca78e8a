import Foundation
/// Type conversions: `int()`, `uint()`, `double()`, `string()`, and zero values.
extension CELFunctions {
    /// True for the zero value of the value's type (`0`, `""`, `false`, `null`, empty list or map).
    static func isZero(_ value: CELValue) -> Bool {
        switch value {
        case .null: return true
        case .bool(let b): return !b
        case .int(let i): return i == 0
        case .uint(let u): return u == 0
        case .double(let d): return d == 0
        case .duration(let d): return d == 0
        case .timestamp(let seconds, let nanos): return seconds == 0 && nanos == 0
        case .string, .bytes, .list, .map, .node: return value.size == 0
        case .quantity(let q): return q == 0
        case .type, .format, .ip, .cidr, .optional, .url: return false
        }
    }

    /// `int(value)`: strings parse, doubles truncate, out-of-range values are errors.
    static func toInt(_ value: CELValue) throws(CELEvalError) -> CELValue {
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
        case .timestamp(let seconds, _): return .int(seconds)
        default: throw noOverload("int", [value])
        }
    }

    /// `uint(value)`.
    static func toUInt(_ value: CELValue) throws(CELEvalError) -> CELValue {
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

    /// `double(value)`.
    static func toDouble(_ value: CELValue) throws(CELEvalError) -> CELValue {
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
        case .timestamp(let seconds, let nanos): return CELTimestamp.render(seconds: seconds, nanos: nanos)
        case .type(let name): return name
        case .ip(let bytes): return CELNetwork.render(bytes)
        case .cidr(let bytes, let prefix): return "\(CELNetwork.render(bytes))/\(prefix)"
        case .null, .list, .map, .node, .format, .optional, .quantity, .url: throw noOverload("string", [value])
        }
    }
}
