import KPlanCore
import KPlanYAML
import Testing
@testable import KPlanValidation

private let schemaText = """
    type: object
    description: A widget.
    x-kubernetes-validations: [{rule: "self.size > 0"}]
    properties:
      size: {type: integer, format: int32, minimum: 1, description: How big.}
      mode: {type: string, default: fast, pattern: "^[a-z]+$"}
      ttl: {type: string, format: duration, nullable: true, default: 1h}
      ports:
        type: array
        x-kubernetes-list-type: map
        items:
          type: object
          properties:
            protocol: {type: string, default: TCP}
            name: {type: string}
      labels:
        type: object
        additionalProperties: {type: object, properties: {weight: {type: integer, default: 1}}}
        properties:
          fixed: {type: object, properties: {weight: {type: integer}}}
    """

private let objectText = """
    size: 2
    ttl: null
    ports: [{name: a}, {name: b, protocol: UDP}]
    labels: {fixed: {}, free: {}}
    """

@Suite struct SchemaNodeTrimmerTests {
    private func node(_ text: String) throws -> Node {
        try #require(YAMLLoader.load(Array(text.utf8), file: "t.yaml").documents.first?.root)
    }

    /// The content of a node, without positions.
    private func render(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar): "\(scalar.text)"
        case .mapping(let entries): "{" + entries.map { "\($0.name): \(render($0.value))" }.joined(separator: ", ") + "}"
        case .sequence(let items): "[" + items.map(render).joined(separator: ", ") + "]"
        }
    }

    @Test func celSchemaKeepsOnlyWhatCELReads() throws {
        let trimmed = SchemaNodeTrimmer().celSchema(try node(schemaText))
        #expect(trimmed["description"] == nil)
        #expect(trimmed["x-kubernetes-validations"] == nil)
        #expect(trimmed[path: "properties", "size", "minimum"] == nil)
        #expect(trimmed[path: "properties", "mode", "pattern"] == nil)
        #expect(trimmed[path: "properties", "ttl", "format"]?.string == "duration")
        #expect(trimmed[path: "properties", "ttl", "nullable"]?.bool == true)
        #expect(trimmed[path: "properties", "ports", "x-kubernetes-list-type"]?.string == "map")
        #expect(trimmed[path: "properties", "ports", "items", "properties", "name", "type"]?.string == "string")
        #expect(trimmed[path: "properties", "labels", "additionalProperties", "type"]?.string == "object")
    }

    @Test func defaultingSchemaAppliesTheSameDefaults() throws {
        let schema = try node(schemaText)
        let object = try node(objectText)
        let trimmed = try #require(SchemaNodeTrimmer().defaultingSchema(schema))
        #expect(trimmed[path: "properties", "size"] == nil)
        #expect(trimmed[path: "properties", "mode", "pattern"] == nil)
        let expected = render(CELDefaulting.apply(to: object, schema: schema))
        #expect(render(CELDefaulting.apply(to: object, schema: trimmed)) == expected)
        #expect(expected.contains("fixed: {}"))
        #expect(expected.contains("free: {weight: 1}"))
    }

    @Test func aSchemaWithoutDefaultsNeedsNoDefaulting() throws {
        let schema = try node("type: object\nproperties: {spec: {type: object, properties: {a: {type: string}}}}")
        #expect(SchemaNodeTrimmer().defaultingSchema(schema) == nil)
    }
}
