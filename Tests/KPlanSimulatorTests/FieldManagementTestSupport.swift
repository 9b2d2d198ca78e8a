import Foundation
import KPlanCore
import KPlanSimulator
import KPlanValidation
import KPlanYAML
import Testing

/// Builders shared by the field management tests.
enum FieldManagementTestSupport {
    static let now = "2026-01-01T00:00:00Z"
    static let later = "2026-01-01T00:01:00Z"

    /// The object a YAML (or JSON) text holds.
    static func object(_ text: String) -> KubeObject {
        KubeObject(json(text)) ?? KubeObject([:])
    }

    /// The JSON value a text holds.
    static func json(_ text: String) -> JSONValue {
        let stream = YAMLLoader.load(Array(text.utf8), file: "test.yaml")
        #expect(stream.diagnostics.isEmpty, "\(stream.diagnostics)")
        return stream.documents.first.map { JSONValue($0.root) } ?? .null
    }

    /// The built-in schema of a kind.
    static func schema(_ apiVersion: String, _ kind: String) throws -> Schema {
        guard case .found(let schema) = try SchemaRegistry.builtin().lookup(GroupVersionKind(apiVersion: apiVersion, kind: kind)) else {
            throw SchemaMissing()
        }
        return schema
    }

    /// A kind the bundle does not hold.
    struct SchemaMissing: Error {}

    /// The managed fields entries of an object, by manager name.
    static func fields(_ object: KubeObject) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for entry in object[path: "metadata", "managedFields"]?.array ?? [] {
            result[entry["manager"]!.string!] = entry["fieldsV1"]
        }
        return result
    }

    /// The fixture file `name` next to these tests.
    static func fixture(_ name: String, file: String = #filePath) throws -> JSONValue {
        let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name)
        let bytes = [UInt8](try Data(contentsOf: url))
        return JSONValue(YAMLLoader.load(bytes, file: name).documents[0].root)
    }
}
