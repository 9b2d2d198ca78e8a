import Foundation
import KPlanCore
import KPlanValidation
import KPlanYAML

/// Test helpers for the schema suites: YAML text or files to `Resource` values, and validation.
enum SchemaTestSupport {
    /// The repository root, found from this file's path.
    static let repositoryRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// Resources built from the documents of `text` that have an apiVersion and a kind.
    static func resources(_ text: String, file: String = "t.yaml") -> [Resource] {
        resources(bytes: Array(text.utf8), file: file)
    }

    /// Resources from the YAML file at `path`.
    static func resources(path: String) throws -> [Resource] {
        guard let data = FileManager.default.contents(atPath: path) else { throw MissingFile(path: path) }
        return resources(bytes: Array(data), file: path)
    }

    static func resources(bytes: [UInt8], file: String) -> [Resource] {
        YAMLLoader.load(bytes, file: file).documents.compactMap { document in
            let root = document.root
            guard let apiVersion = root["apiVersion"]?.string, let kind = root["kind"]?.string else { return nil }
            let metadata = root["metadata"]
            return Resource(
                file: file, documentIndex: document.index, node: root,
                gvk: GroupVersionKind(apiVersion: apiVersion, kind: kind),
                name: metadata?["name"]?.string ?? metadata?["generateName"]?.string ?? "",
                namespace: metadata?["namespace"]?.string)
        }
    }

    /// Validates every resource of `text` against the registry; lookups that fail are returned as
    /// `test.lookup` diagnostics so tests notice them.
    static func validate(_ text: String, registry: SchemaRegistry? = nil) throws -> [Diagnostic] {
        let registry = try registry ?? SchemaRegistry.builtin()
        return resources(text).flatMap { validate($0, registry: registry) }
    }

    static func validate(_ resource: Resource, registry: SchemaRegistry) -> [Diagnostic] {
        switch registry.lookup(resource.gvk) {
        case .found(let schema):
            return SchemaValidator.validate(resource, schema: schema)
        case .unknownVersion, .unknownKind:
            return [Diagnostic(.error, code: "test.lookup", message: "no schema for \(resource.gvk)",
                               at: resource.location, object: resource.displayName)]
        }
    }

    struct MissingFile: Error {
        var path: String
    }
}
