/// A path to one field of an object, in the terms of Kubernetes' structured-merge-diff: each step
/// selects a child by field name, by the key fields of a list item, by a set item's value, or by index.
public struct FieldPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// One step of a path.
    public enum Element: Sendable, Hashable, Comparable {
        /// An object member (`f:name` in `fieldsV1`).
        case field(String)
        /// The item of a `map` list whose key fields have these values (`k:{"name":"app"}`).
        case key([KeyField])
        /// The item of a `set` list with this value (`v:"a"`).
        case value(JSONValue)
        /// The item at this index of an `atomic`-less list without keys (`i:0`).
        case index(Int)

        public static func < (lhs: Element, rhs: Element) -> Bool {
            switch (lhs, rhs) {
            case (.field(let left), .field(let right)): left < right
            case (.index(let left), .index(let right)): left < right
            default: lhs.sortKey < rhs.sortKey
            }
        }

        private var sortKey: String {
            switch self {
            case .field(let name): "0" + name
            case .key(let fields): "1" + fields.map { "\($0.name)=\($0.value.compactJSON)" }.joined(separator: ",")
            case .value(let value): "2" + value.compactJSON
            case .index(let index): "3" + String(repeating: "0", count: max(0, 12 - String(index).count)) + String(index)
            }
        }

        /// How Kubernetes prints the step in messages: `.name`, `[name="app"]`, `[="a"]`, `[0]`.
        public var description: String {
            switch self {
            case .field(let name): "." + name
            case .key(let fields): "[" + fields.map { "\($0.name)=\($0.value.compactJSON)" }.joined(separator: ",") + "]"
            case .value(let value): "[=" + value.compactJSON + "]"
            case .index(let index): "[\(index)]"
            }
        }
    }

    /// One key field of a `map` list item.
    public struct KeyField: Sendable, Hashable {
        /// The key field's name (`name`, `containerPort`).
        public var name: String
        /// Its value.
        public var value: JSONValue

        /// Creates a key field.
        public init(name: String, value: JSONValue) {
            self.name = name
            self.value = value
        }
    }

    /// The steps from the object's root.
    public var elements: [Element]

    /// Creates a path.
    public init(_ elements: [Element] = []) {
        self.elements = elements
    }

    /// A path of object member names.
    public init(fields: String...) {
        elements = fields.map(Element.field)
    }

    /// This path extended by one step.
    public func appending(_ element: Element) -> FieldPath {
        FieldPath(elements + [element])
    }

    /// Whether `self` is `other` or lies below it.
    public func hasPrefix(_ other: FieldPath) -> Bool {
        elements.starts(with: other.elements)
    }

    public static func < (lhs: FieldPath, rhs: FieldPath) -> Bool {
        lhs.elements.lexicographicallyPrecedes(rhs.elements)
    }

    /// As Kubernetes prints it: `.spec.template.spec.containers[name="app"].image`.
    public var description: String {
        elements.map(\.description).joined()
    }
}
