import KPlanCore

/// One resource as per-object rules see it, with what several rules derive from it computed once.
///
/// A class: every enabled rule is handed the subject through its protocol, and passing one reference
/// costs less than passing the object, its pod template and the context by value each time.
final class LintSubject: Sendable {
    /// The object.
    let resource: Resource
    /// Its pod template, when it is a workload with a pod spec.
    let pod: LintPodTemplate?
    /// What rules may know besides the object.
    let context: LintObjectContext

    /// Bundles a resource with its pod template and the context.
    init(resource: Resource, pod: LintPodTemplate?, context: LintObjectContext) {
        self.resource = resource
        self.pod = pod
        self.context = context
    }
}
