/// The JSON types a schema admits.
public struct SchemaTypes: OptionSet, Sendable, Hashable {
    /// The bits of the set.
    public let rawValue: UInt8
    /// Creates a set from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `null`.
    public static let null = SchemaTypes(rawValue: 1 << 0)
    /// `boolean`.
    public static let boolean = SchemaTypes(rawValue: 1 << 1)
    /// `integer`.
    public static let integer = SchemaTypes(rawValue: 1 << 2)
    /// `number` (integers included).
    public static let number = SchemaTypes(rawValue: 1 << 3)
    /// `string`.
    public static let string = SchemaTypes(rawValue: 1 << 4)
    /// `object`.
    public static let object = SchemaTypes(rawValue: 1 << 5)
    /// `array`.
    public static let array = SchemaTypes(rawValue: 1 << 6)

    /// The type for a JSON Schema type name, nil for an unknown name.
    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "integer": self = .integer
        case "number": self = .number
        case "string": self = .string
        case "object": self = .object
        case "array": self = .array
        default: return nil
        }
    }

    /// The names of the non-null types, for messages ("integer or string").
    var description: String {
        var names: [String] = []
        if contains(.boolean) { names.append("boolean") }
        if contains(.integer) && !contains(.number) { names.append("integer") }
        if contains(.number) { names.append("number") }
        if contains(.string) { names.append("string") }
        if contains(.object) { names.append("object") }
        if contains(.array) { names.append("array") }
        if names.isEmpty { return "null" }
        if names.count == 1 { return names[0] }
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }
}
