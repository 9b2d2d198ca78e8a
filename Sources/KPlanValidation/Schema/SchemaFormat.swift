/// A schema's `format`; the formats Kubernetes checks, and the rest kept by name.
public enum SchemaFormat: Sendable, Hashable {
    /// A 32-bit signed integer.
    case int32
    /// A 64-bit signed integer.
    case int64
    /// A floating-point number (nothing beyond the type is checked).
    case float
    /// A double-precision number (nothing beyond the type is checked).
    case double
    /// Standard base64 (`Secret.data` values).
    case byte
    /// An RFC 3339 date (`2006-01-02`).
    case date
    /// An RFC 3339 date-time (`2006-01-02T15:04:05Z`).
    case dateTime
    /// A UUID (`8-4-4-4-12` hex digits).
    case uuid
    /// A dotted-quad IPv4 address.
    case ipv4
    /// An IPv6 address.
    case ipv6
    /// An IP network in CIDR notation.
    case cidr
    /// Any other format, not checked.
    case other(String)

    /// The format named `name` in a schema.
    init(name: String) {
        switch name {
        case "int32": self = .int32
        case "int64": self = .int64
        case "float": self = .float
        case "double": self = .double
        case "byte": self = .byte
        case "date": self = .date
        case "date-time", "datetime": self = .dateTime
        case "uuid": self = .uuid
        case "ipv4": self = .ipv4
        case "ipv6": self = .ipv6
        case "cidr": self = .cidr
        default: self = .other(name)
        }
    }

    /// The format's name as schemas write it.
    public var name: String {
        switch self {
        case .int32: "int32"
        case .int64: "int64"
        case .float: "float"
        case .double: "double"
        case .byte: "byte"
        case .date: "date"
        case .dateTime: "date-time"
        case .uuid: "uuid"
        case .ipv4: "ipv4"
        case .ipv6: "ipv6"
        case .cidr: "cidr"
        case .other(let name): name
        }
    }

    /// Why an integer does not fit this format, or nil when it does.
    func problem(integer value: Int64) -> String? {
        switch self {
        case .int32:
            guard value < Int64(Int32.min) || value > Int64(Int32.max) else { return nil }
            return "\(value) does not fit in a 32-bit integer (int32: \(Int32.min) to \(Int32.max))"
        case .int64, .float, .double, .byte, .date, .dateTime, .uuid, .ipv4, .ipv6, .cidr, .other:
            return nil
        }
    }

    /// Why an integral floating-point value (`2.0`, `1e30`) does not fit this format, or nil when it does.
    func problem(integral value: Double) -> String? {
        guard value >= -9.223372036854775e18, value < 9.223372036854775e18 else {
            switch self {
            case .int32, .int64:
                return "\(value) does not fit in a \(self == .int32 ? 32 : 64)-bit integer (\(name))"
            case .float, .double, .byte, .date, .dateTime, .uuid, .ipv4, .ipv6, .cidr, .other:
                return nil
            }
        }
        return problem(integer: Int64(value))
    }

    /// Why a string does not match this format, or nil when it does (or the format is not checked).
    func problem(string value: String) -> String? {
        switch self {
        case .byte:
            return FormatSyntax.isBase64(value) ? nil : "is not valid base64 (format byte)"
        case .date:
            return FormatSyntax.isDate(Array(value.utf8)) ? nil : "is not an RFC 3339 date like 2006-01-02 (format date)"
        case .dateTime:
            return FormatSyntax.isDateTime(value)
                ? nil : "is not an RFC 3339 date-time like 2006-01-02T15:04:05Z (format date-time)"
        case .uuid:
            return FormatSyntax.isUUID(value) ? nil : "is not a UUID (format uuid)"
        case .ipv4:
            return FormatSyntax.isIPv4(Substring(value)) ? nil : "is not an IPv4 address (format ipv4)"
        case .ipv6:
            return FormatSyntax.isIPv6(Substring(value)) ? nil : "is not an IPv6 address (format ipv6)"
        case .cidr:
            return FormatSyntax.isCIDR(value) ? nil : "is not a CIDR like 10.0.0.0/8 (format cidr)"
        case .int32, .int64, .float, .double, .other:
            return nil
        }
    }
}
