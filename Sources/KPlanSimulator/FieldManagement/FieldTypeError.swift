import KPlanCore

/// A value that does not fit its merge type: a list-map item without its key, a duplicate key.
struct FieldTypeError: Error {
    /// Where.
    var path: FieldPath
    /// What is wrong, in structured-merge-diff's words.
    var message: String

    /// `.spec.template.spec.containers: duplicate entries for key [name="app"]`.
    var description: String {
        path.elements.isEmpty ? message : "\(path): \(message)"
    }
}
