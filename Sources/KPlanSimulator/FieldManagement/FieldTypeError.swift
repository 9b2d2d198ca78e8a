import KPlanCore

/// A value that does not fit its merge type: a list-map item without its key, a duplicate key.
struct FieldTypeError: Error {
    /// Where.
    var path: FieldPath
    /// What is wrong, in structured-merge-diff's words.
    var message: String

    /// The error as seen from one step up: `element` put in front of its path.
    func prefixed(with element: FieldPath.Element) -> FieldTypeError {
        FieldTypeError(path: FieldPath([element] + path.elements), message: message)
    }

    /// `.spec.template.spec.containers: duplicate entries for key [name="app"]`.
    var description: String {
        path.elements.isEmpty ? message : "\(path): \(message)"
    }
}
