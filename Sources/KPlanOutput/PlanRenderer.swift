import KPlanDiff

/// Turns a plan into the bytes of one output format.
///
/// Renderers are pure: the same plan gives the same string, byte for byte, so goldens can compare it.
public protocol PlanRenderer: Sendable {
    /// The complete output for `plan`, ending with a newline.
    func render(_ plan: Plan) -> String
}
