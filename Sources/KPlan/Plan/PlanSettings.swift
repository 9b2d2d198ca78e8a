/// How a plan is made and applied.
public struct PlanSettings: Sendable {
    /// The field manager kplan applies as.
    public var fieldManager: String
    /// Take ownership of fields other managers own (`--force-conflicts`).
    public var forceConflicts: Bool
    /// Prune earlier members of the ApplySet (`--prune`).
    public var prune: Bool
    /// The ApplySet parent Secret's name (`--applyset`), in the namespace of `-n` or `default`.
    public var applySetName: String
    /// Refuse to delete more than this many objects (`--max-deletions`).
    public var maxDeletions: Int?
    /// Protected kinds a prune may delete (`--allow-delete KIND`).
    public var allowDelete: Set<String>

    /// The field manager kplan uses unless told otherwise.
    public static let defaultFieldManager = "kplan"
    /// The ApplySet parent's name unless told otherwise.
    public static let defaultApplySetName = "kplan-applyset"

    /// Creates settings.
    public init(fieldManager: String = defaultFieldManager, forceConflicts: Bool = false, prune: Bool = false,
                applySetName: String = defaultApplySetName, maxDeletions: Int? = nil, allowDelete: Set<String> = []) {
        self.fieldManager = fieldManager
        self.forceConflicts = forceConflicts
        self.prune = prune
        self.applySetName = applySetName
        self.maxDeletions = maxDeletions
        self.allowDelete = allowDelete
    }
}
