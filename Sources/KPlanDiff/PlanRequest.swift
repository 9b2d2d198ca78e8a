import KPlanCore

/// What to plan: the desired objects and how they are to be applied.
public struct PlanRequest: Sendable {
    /// The desired objects: validated, namespaces defaulted, no duplicates.
    public var objects: [ManifestObject]
    /// The field manager applies are made as.
    public var fieldManager: String
    /// Take ownership of fields other managers own instead of refusing.
    public var forceConflicts: Bool
    /// Plan deletions of earlier members of this ApplySet that `objects` no longer holds (`--prune`).
    public var prune: PruneOptions?

    /// Creates a request.
    public init(objects: [ManifestObject], fieldManager: String = "kplan", forceConflicts: Bool = false, prune: PruneOptions? = nil) {
        self.objects = objects
        self.fieldManager = fieldManager
        self.forceConflicts = forceConflicts
        self.prune = prune
    }
}

/// How pruning is done and guarded.
public struct PruneOptions: Sendable {
    /// The ApplySet whose members are pruned.
    public var applySet: ApplySet
    /// Refuse the plan when it would delete more objects than this.
    public var maxDeletions: Int?
    /// Kinds (lowercased kind names) of the protected set (`ProtectedKinds`) that may be deleted.
    public var allowDelete: Set<String>
    /// The `applyset.kubernetes.io/tooling` value (`kplan/0.1.0`).
    public var tooling: String

    /// Creates prune options.
    public init(applySet: ApplySet, maxDeletions: Int? = nil, allowDelete: Set<String> = [], tooling: String) {
        self.applySet = applySet
        self.maxDeletions = maxDeletions
        self.allowDelete = Set(allowDelete.map { $0.lowercased() })
        self.tooling = tooling
    }

    /// Kinds a prune deletes only when `--allow-delete KIND` names them: losing one loses data or
    /// everything inside it.
    public static let protectedKinds: Set<String> = [
        "namespace", "customresourcedefinition", "persistentvolume", "persistentvolumeclaim",
    ]

    /// Whether a prune may delete objects of `kind`.
    public func mayDelete(kind: String) -> Bool {
        !Self.protectedKinds.contains(kind.lowercased()) || allowDelete.contains(kind.lowercased())
    }
}

/// Why an object could not be planned, or why the plan as a whole is refused.
public struct PlanProblem: Sendable, Hashable {
    /// The object, nil for a problem of the whole plan.
    public var key: ResourceKey?
    /// Where the object is in the manifests.
    public var location: SourceLocation?
    /// What is wrong, as the API server or the guard said it.
    public var message: String
    /// Field-level detail (conflicts name each field and its manager).
    public var causes: [APIError.Cause]

    /// Creates a problem.
    public init(key: ResourceKey?, location: SourceLocation?, message: String, causes: [APIError.Cause] = []) {
        self.key = key
        self.location = location
        self.message = message
        self.causes = causes
    }
}

/// A plan and what kept parts of it from being made.
public struct PlanResult: Sendable {
    /// The plan (objects with problems are left out).
    public var plan: Plan
    /// Objects that could not be planned, and refusals of the whole plan; non-empty means exit 1.
    public var problems: [PlanProblem]
    /// Things the user should know that are not failures (objects a prune guard kept).
    public var notes: [String]

    /// Creates a result.
    public init(plan: Plan, problems: [PlanProblem] = [], notes: [String] = []) {
        self.plan = plan
        self.problems = problems
        self.notes = notes
    }
}
