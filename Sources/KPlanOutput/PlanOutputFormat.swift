import KPlanDiff

/// The output formats of `kplan diff` and `kplan plan`, by the name given to `--output`.
public enum PlanOutputFormat: String, CaseIterable, Sendable {
    /// Waves of changed objects, each with a unified diff of its YAML, then the summary line.
    case text
    /// A versioned JSON document (see `PlanJSONRenderer`).
    case json

    /// The renderer for this format.
    public func renderer(options: PlanRenderOptions = PlanRenderOptions()) -> any PlanRenderer {
        switch self {
        case .text: PlanTextRenderer(options: options)
        case .json: PlanJSONRenderer(showSecrets: options.showSecrets)
        }
    }

    /// Renders `plan` in this format.
    public func render(_ plan: Plan, options: PlanRenderOptions = PlanRenderOptions()) -> String {
        renderer(options: options).render(plan)
    }
}
