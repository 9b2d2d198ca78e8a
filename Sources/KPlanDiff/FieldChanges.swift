import KPlanCore

/// A comparison of two versions of an object as three sets of leaf field paths (as
/// structured-merge-diff compares): added, modified, removed.
public struct FieldChanges: Sendable, Hashable {
    /// Fields present only after.
    public var added: [FieldPath]
    /// Fields present in both with different values.
    public var modified: [FieldPath]
    /// Fields present only before.
    public var removed: [FieldPath]

    /// Creates a comparison; paths are kept sorted.
    public init(added: [FieldPath] = [], modified: [FieldPath] = [], removed: [FieldPath] = []) {
        self.added = added.sorted()
        self.modified = modified.sorted()
        self.removed = removed.sorted()
    }

    /// Whether nothing differs.
    public var isEmpty: Bool { added.isEmpty && modified.isEmpty && removed.isEmpty }
}
