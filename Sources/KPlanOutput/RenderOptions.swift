/// Choices that change how a report is rendered.
public struct RenderOptions: Hashable, Sendable {
    /// Whether the text format may use ANSI colour; resolve it with `ColorPolicy.resolve`.
    public var color: Bool

    /// Creates options; colour is off unless asked for.
    public init(color: Bool = false) {
        self.color = color
    }
}
