import Foundation

/// A compiled `pattern`: strings must contain a match (it is not anchored, as in JSON Schema).
public final class SchemaPattern: @unchecked Sendable {
    /// The pattern as written in the schema.
    public let source: String
    private let expression: NSRegularExpression

    /// Compiles `source`; throws when it is not a valid regular expression.
    public init(_ source: String) throws {
        self.source = source
        expression = try NSRegularExpression(pattern: source)
    }

    /// Whether `text` contains a match.
    public func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }
}
