import Foundation
import KPlanCore

/// What an OpenAPI schema tells CEL about a value, as Kubernetes builds CEL types from CRD schemas
/// (k8s.io/apiserver/pkg/cel/common): number fields are doubles, `format: duration`, `date-time`/`date`
/// and `byte` strings are durations, timestamps and bytes, and `x-kubernetes-list-type: set` or `map`
/// lists compare without regard to order.
enum CELSchema {
    /// `plain` (a scalar's value read without a schema) typed as `schema` says.
    ///
    /// A value that does not fit the schema (which schema validation reports) stays as it was.
    static func value(_ plain: CELValue, schema: Node) -> CELValue {
        switch (plain, schema["type"]?.string, schema["format"]?.string) {
        case (.int(let i), "number", _): return .double(Double(i))
        case (.string(let s), "string", "duration"):
            return CELDuration.parse(s).map(CELValue.duration) ?? plain
        case (.string(let s), "string", "date-time"), (.string(let s), "string", "date"):
            let instant = CELTimestamp.parse(s) ?? CELTimestamp.parse(s + "T00:00:00Z")
            return instant.map { .timestamp(seconds: $0.seconds, nanos: $0.nanos) } ?? plain
        case (.string(let s), "string", "byte"):
            return Data(base64Encoded: s).map { .bytes([UInt8]($0)) } ?? plain
        default: return plain
        }
    }

    /// The schema of property `name` of an object schema: from `properties`, else `additionalProperties`.
    static func property(_ name: String, of schema: Node) -> Node? {
        if let property = schema[path: "properties", name] { return property }
        if let additional = schema["additionalProperties"], additional.entries != nil { return additional }
        return nil
    }

    /// Whether CEL sees field `name` holding `value` of an object with `schema`. Kubernetes prunes,
    /// before validating, a null in a field not marked `nullable: true`, and a field an object schema
    /// with `properties` does not declare (unless it keeps other fields through `additionalProperties`
    /// or `x-kubernetes-preserve-unknown-fields`). Without a schema, only nulls are pruned.
    static func isVisible(_ name: String, _ value: Node, in schema: Node?) -> Bool {
        guard let schema else { return !value.isNull }
        if value.isNull, property(name, of: schema)?["nullable"]?.bool != true { return false }
        guard let properties = schema["properties"], properties[name] == nil else { return true }
        return schema["additionalProperties"] != nil || schema["x-kubernetes-preserve-unknown-fields"]?.bool == true
    }

    /// The schema of an array schema's items.
    static func items(of schema: Node) -> Node? {
        schema["items"]
    }

    /// True for a YAML list whose schema makes it a set or a map list, whose equality ignores order.
    static func isUnorderedList(_ value: CELValue) -> Bool {
        guard case .node(_, let schema?) = value else { return false }
        let listType = schema["x-kubernetes-list-type"]?.string
        return listType == "set" || listType == "map"
    }
}
