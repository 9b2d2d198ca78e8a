import KPlanCore

/// One resource as per-object rules see it, with what several rules derive from it computed once.
struct LintSubject: Sendable {
    /// The object.
    let resource: Resource
    /// Its pod template, when it is a workload with a pod spec.
    let pod: LintPodTemplate?
    /// What rules may know besides the object.
    let context: LintObjectContext
}
