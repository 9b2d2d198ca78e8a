import Testing
@testable import KPlanValidation

@Suite struct SchemaPropertyIndexTests {
    @Test func findsEachNameAtItsPosition() {
        let names = ["a", "bb", "cc", "image", "imagePullPolicy", "readOnlyRootFilesystem", "ports"]
        let index = SchemaPropertyIndex(names)
        for (position, name) in names.enumerated() {
            #expect(index.position(of: name, in: names) == position)
        }
    }

    @Test func missingNamesAndLengthsFindNothing() {
        let names = ["name", "image"]
        let index = SchemaPropertyIndex(names)
        #expect(index.position(of: "nam", in: names) == nil)
        #expect(index.position(of: "names", in: names) == nil)
        #expect(index.position(of: "a-very-long-name-longer-than-any", in: names) == nil)
        #expect(index.position(of: "", in: names) == nil)
    }

    @Test func aRepeatedNameFindsItsLastPosition() {
        var names = ["spec", "kind", "spec"]
        var index = SchemaPropertyIndex(names)
        #expect(index.position(of: "spec", in: names) == 2)
        names.append("kind")
        index.add("kind", at: 3)
        #expect(index.position(of: "kind", in: names) == 3)
    }

    /// A schema with more properties than are searched linearly finds them through the index.
    @Test func largeSchemasLookPropertiesUp() {
        let schema = Schema()
        let names = (0..<(Schema.linearSearchLimit + 5)).map { "field\($0)" }
        schema.setProperties(names: names, schemas: names.map { _ in Schema() })
        #expect(schema.propertyIndex != nil)
        for (position, name) in names.enumerated() {
            #expect(schema.propertySchemas.firstIndex { $0 === schema.property(name) } == position)
        }
        #expect(schema.property("field") == nil)
    }
}
