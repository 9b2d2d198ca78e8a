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

    /// The compiled pattern for `source`, shared: CRDs repeat the same patterns many times, and a
    /// compiled regular expression is large. Throws when `source` is not a valid regular expression.
    static func shared(_ source: String) throws -> SchemaPattern {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let pattern = cache[source] { return pattern }
        let pattern = try SchemaPattern(source)
        cache[source] = pattern
        return pattern
    }

    private static let cacheLock = NSLock()
    /// Compiled patterns by source; read and written only under `cacheLock`.
    nonisolated(unsafe) private static var cache: [String: SchemaPattern] = [:]

    /// Whether `text` contains a match.
    public func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }
}
