/// A literal JSON value in a schema (`enum`).
public enum SchemaValue: Sendable, Hashable, CustomStringConvertible {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (integers included).
    case number(Double)
    /// A string.
    case string(String)
    /// An object or array literal (only its JSON type name is kept); scalars never equal it.
    case composite(String)

    /// The value as JSON writes it.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): "\"\(s)\""
        case .composite(let text): text
        }
    }
}
