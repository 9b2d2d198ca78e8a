/// Why a CEL expression could not be parsed, and where.
public struct CELParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 0-based offset of the problem in the source, counted in Unicode scalars.
    public var offset: Int
    /// What is wrong.
    public var message: String

    /// Creates a parse error.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The message with its offset, as `offset N: message`.
    public var description: String { "offset \(offset): \(message)" }
}
