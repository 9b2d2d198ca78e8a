import Foundation
import KPlanCore

/// A CEL runtime value. YAML mappings and sequences stay `Node`s and are converted an element at a time.
enum CELValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    /// A list built by the expression.
    case list([CELValue])
    /// A map built by the expression.
    case map(CELMap)
    /// A YAML mapping or sequence from the object under validation, with its OpenAPI schema when known.
    case node(Node, schema: Node?)
    /// A duration in nanoseconds.
    case duration(Int64)
    /// An instant: seconds since the Unix epoch and nanoseconds within the second.
    case timestamp(seconds: Int64, nanos: Int64)
    /// A type value, as `type(x)` returns and `int`, `string`, … name.
    case type(String)
    /// A Kubernetes format validator from the `format` library (`format.dns1123Label()`).
    case format(CELFormat)
    /// An IP address from the Kubernetes net library: 4 or 16 bytes.
    case ip([UInt8])
    /// A CIDR from the Kubernetes net library: the address as written and the prefix length.
    case cidr([UInt8], prefix: Int)
    /// A Kubernetes resource quantity (`quantity("1Gi")`).
    case quantity(Decimal)
    /// A URL from the Kubernetes URL library (`url("https://…")`).
    case url(CELURL)
    /// An optional value (`optional.of(x)`, `optional.none()`, `oldSelf` under `optionalOldSelf`).
    indirect case optional(CELValue?)

    /// The value of a YAML node: scalars become primitives, collections stay lazy.
    ///
    /// A go-yaml timestamp is a string to Kubernetes (it re-encodes it as RFC 3339 text). With a
    /// schema, scalars take the CEL type Kubernetes gives the schema (see `CELSchema.value`).
    init(_ node: Node, schema: Node? = nil) {
        switch node.content {
        case .scalar(let scalar):
            let plain: CELValue =
                switch scalar.value {
                case .null: .null
                case .bool(let b): .bool(b)
                case .int(let i): .int(i)
                case .float(let d): .double(d)
                case .timestamp(let s), .string(let s): .string(s)
                }
            self = schema.map { CELSchema.value(plain, schema: $0) } ?? plain
        case .mapping, .sequence: self = .node(node, schema: schema)
        }
    }

    /// CEL's name for the value's type.
    var typeName: String {
        switch self {
        case .null: "null_type"
        case .bool: "bool"
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .string: "string"
        case .bytes: "bytes"
        case .list: "list"
        case .map: "map"
        case .node(let node, _): node.items == nil ? "map" : "list"
        case .duration: "google.protobuf.Duration"
        case .timestamp: "google.protobuf.Timestamp"
        case .type: "type"
        case .format: "kubernetes.NamedFormat"
        case .ip: "net.IP"
        case .cidr: "net.CIDR"
        case .optional: "optional_type"
        case .url: "kubernetes.URL"
        case .quantity: "kubernetes.Quantity"
        }
    }

    /// The elements, if the value is a list.
    var listElements: [CELValue]? {
        switch self {
        case .list(let items): return items
        case .node(let node, let schema):
            guard let items = node.items else { return nil }
            let itemSchema = schema.flatMap(CELSchema.items)
            return items.map { CELValue($0, schema: itemSchema) }
        default: return nil
        }
    }

    /// True when the value is a map.
    var isMap: Bool {
        switch self {
        case .map: true
        case .node(let node, _): node.entries != nil
        default: false
        }
    }

    /// The map's keys in order, if the value is a map; YAML entries Kubernetes prunes before validating
    /// are absent (see `CELSchema.isVisible`).
    var mapKeys: [CELValue]? {
        switch self {
        case .map(let map): return map.keys
        case .node(let node, let schema):
            guard let entries = node.entries else { return nil }
            var seen = Set<String>()
            var keys: [CELValue] = []
            for entry in entries.reversed()
            where seen.insert(entry.name).inserted && CELSchema.isVisible(entry.name, entry.value, in: schema) {
                keys.append(.string(entry.name))
            }
            return keys.reversed()
        default: return nil
        }
    }

    /// The value for `key` if the value is a map holding it; nil when absent.
    func mapValue(_ key: CELValue) -> CELValue? {
        switch self {
        case .map(let map): return map.value(for: key)
        case .node(let node, let schema):
            guard case .string(let name) = key, let value = node[name], CELSchema.isVisible(name, value, in: schema)
            else { return nil }
            return CELValue(value, schema: schema.flatMap { CELSchema.property(name, of: $0) })
        default: return nil
        }
    }

    /// The number of elements, entries, or code points.
    var size: Int64? {
        switch self {
        case .string(let s): Int64(s.unicodeScalars.count)
        case .bytes(let b): Int64(b.count)
        case .list(let items): Int64(items.count)
        case .map(let map): Int64(map.keys.count)
        case .node(let node, _): (node.items?.count ?? mapKeys?.count).map(Int64.init)
        default: nil
        }
    }
}

/// A map built by an expression: keys in insertion order.
struct CELMap: Sendable {
    /// The keys.
    var keys: [CELValue]
    /// The values, parallel to `keys`.
    var values: [CELValue]

    /// The value stored under `key`, if any.
    func value(for key: CELValue) -> CELValue? {
        keys.firstIndex { CELValue.equal($0, key) }.map { values[$0] }
    }
}
