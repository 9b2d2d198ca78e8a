import Testing
import KPlanValidation

@Suite struct SchemaQuantityTests {
    @Test(arguments: [
        ("500Mi", true), ("1.5", true), ("100m", true), ("1e3", true), ("2Gi", true), ("0", true),
        ("-1", true), ("+2k", true), (".5", true), ("1.", true), ("1E", true), ("3E-2", true), ("12Ki", true),
        ("250u", true), ("10n", true), (" 5Gi", true),
        ("500mb", false), ("1.5 Gi", false), ("Mi", false), ("", false), ("1K", false), ("1e", false),
        ("1e1.5", false), ("1GiB", false), ("abc", false), (".", false), ("--1", false), ("1Mi2", false),
    ])
    func quantityGrammar(text: String, valid: Bool) {
        #expect(Quantity.isValid(text) == valid, "\"\(text)\"")
    }
}
