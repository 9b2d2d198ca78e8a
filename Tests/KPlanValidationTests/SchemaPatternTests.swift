import Testing
@testable import KPlanValidation

@Suite struct SchemaPatternTests {
    @Test func equalSourcesShareOneCompiledPattern() throws {
        let first = try SchemaPattern.shared("^[a-z]+-shared$")
        let second = try SchemaPattern.shared("^[a-z]+-shared$")
        #expect(first === second)
        #expect(first.matches("abc-shared"))
        #expect(try SchemaPattern.shared("^[0-9]+-shared$") !== first)
    }

    @Test func anInvalidPatternStillThrows() {
        #expect(throws: (any Error).self) { try SchemaPattern.shared("([a-z") }
    }
}
