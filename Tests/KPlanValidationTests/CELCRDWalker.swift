import Foundation
import KPlanCore
import KPlanValidation

/// A test-only stand-in for the schema validator: finds the CRD schema of an object, applies schema
/// defaults (`CELDefaulting`, as the API server does before validating), and runs every
/// `x-kubernetes-validations` rule at every node the schema reaches.
struct CELCRDWalker {
    /// One rule that did not pass.
    struct Failure: CustomStringConvertible {
        /// Where, as a dotted path.
        var path: String
        /// The rule's text.
        var rule: String
        /// The message the API server would give.
        var message: String

        var description: String { "\(path): \(message)" }
    }

    /// `group/version/Kind` → the version's `openAPIV3Schema`.
    private var schemas: [String: Node] = [:]

    /// Reads every CustomResourceDefinition in `files`.
    init(crdFiles: [URL]) throws {
        for file in crdFiles {
            for document in try CELTestSupport.documents(file) where document["kind"]?.string == "CustomResourceDefinition" {
                guard let group = document[path: "spec", "group"]?.string,
                    let kind = document[path: "spec", "names", "kind"]?.string,
                    let versions = document[path: "spec", "versions"]?.items
                else { continue }
                for version in versions {
                    guard let name = version["name"]?.string,
                        let schema = version[path: "schema", "openAPIV3Schema"]
                    else { continue }
                    schemas["\(group)/\(name)/\(kind)"] = schema
                }
            }
        }
    }

    /// The number of schemas read.
    var schemaCount: Int { schemas.count }

    /// The rules `object` fails, or nil when no schema describes it.
    func failures(of object: Node) -> [Failure]? {
        guard let apiVersion = object["apiVersion"]?.string, let kind = object["kind"]?.string,
            let schema = schemas["\(apiVersion)/\(kind)"]
        else { return nil }
        var failures: [Failure] = []
        validate(CELDefaulting.apply(to: object, schema: schema), schema: schema, path: "", into: &failures)
        return failures
    }

    private func childSchema(_ schema: Node, key: String) -> Node? {
        if let property = schema[path: "properties", key] { return property }
        if let additional = schema["additionalProperties"], additional.entries != nil { return additional }
        return nil
    }

    private func validate(_ value: Node, schema: Node, path: String, into failures: inout [Failure]) {
        if value.isNull { return }
        for rule in CELValidationRule.rules(of: schema) {
            let result = rule.check(self: value, schema: schema)
            if !result.passed {
                failures.append(Failure(path: path.isEmpty ? "<root>" : path, rule: rule.rule, message: result.message))
            }
        }
        switch value.content {
        case .mapping(let entries):
            for entry in entries {
                guard let childSchema = childSchema(schema, key: entry.name) else { continue }
                validate(entry.value, schema: childSchema, path: path + "." + entry.name, into: &failures)
            }
        case .sequence(let items):
            guard let itemSchema = schema["items"] else { return }
            for (index, item) in items.enumerated() {
                validate(item, schema: itemSchema, path: path + "[\(index)]", into: &failures)
            }
        case .scalar:
            return
        }
    }
}
