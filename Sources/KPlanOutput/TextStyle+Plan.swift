import KPlanDiff

extension TextStyle {
    /// An action's header in its colour: green create, yellow update, red delete, plain unchanged.
    func action(_ action: PlanAction, _ text: String) -> String {
        switch action {
        case .create: wrap(text, "1;32")
        case .update: wrap(text, "1;33")
        case .delete: wrap(text, "1;31")
        case .unchanged: text
        }
    }

    /// A diff line in its colour: red removed, green added, plain context.
    func diffLine(_ line: UnifiedDiff.Line) -> String {
        switch line {
        case .context(let text): " " + text
        case .removed(let text): wrap("-" + text, "31")
        case .added(let text): wrap("+" + text, "32")
        }
    }

    /// A hunk header in cyan.
    func hunkHeader(_ text: String) -> String { wrap(text, "36") }
}
