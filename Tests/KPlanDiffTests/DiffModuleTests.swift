import KPlanCore
import Testing

@Suite struct DiffModuleTests {
    @Test func nodeConversionKeepsResolvedScalars() {
        let value: JSONValue = ["n": 1, "s": "on"]
        let node = value.node(at: SourceRange(at: SourcePosition(line: 1, column: 1)))
        #expect(JSONValue(node) == value)
    }
}
