import KPlanCore

/// A step of a sorted level: a member, or a child by its step.
protocol FieldSetStep {
    /// The step the level is sorted by.
    var step: FieldPath.Element { get }
}

extension FieldPath.Element: FieldSetStep {
    var step: FieldPath.Element { self }
}

extension FieldSet.Child: FieldSetStep {
    var step: FieldPath.Element { element }
}
