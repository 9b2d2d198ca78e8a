/// Choices that change how a plan is rendered.
public struct PlanRenderOptions: Hashable, Sendable {
    /// Whether the text format may use ANSI colour; resolve it with `ColorPolicy.resolve`.
    public var color: Bool
    /// Whether Secret values are shown as they are (`--show-secrets`) instead of masked.
    public var showSecrets: Bool
    /// Whether the text format lists unchanged objects one per line instead of only counting them.
    public var listUnchanged: Bool
    /// What the text format shows of each change.
    public var style: PlanTextStyle

    /// Creates options: no colour, secrets masked, unchanged objects only counted, unified diffs.
    public init(color: Bool = false, showSecrets: Bool = false, listUnchanged: Bool = false, style: PlanTextStyle = .diff) {
        self.style = style
        self.color = color
        self.showSecrets = showSecrets
        self.listUnchanged = listUnchanged
    }
}

/// What the text format shows of each change.
public enum PlanTextStyle: String, Hashable, Sendable, CaseIterable {
    /// A unified diff of the object's YAML (`kplan diff`).
    case diff
    /// The field paths added, modified and removed (`kplan plan`).
    case fields
}
