import KPlanCore

/// One object's entry in a plan.
public struct PlannedChange: Sendable, Hashable {
    /// The object's identity.
    public var key: ResourceKey
    /// The apiVersion it is applied with.
    public var apiVersion: String
    /// What applying does to it.
    public var action: PlanAction
    /// The live object, noise removed (nil when absent).
    public var before: KubeObject?
    /// The object as it would be stored, noise removed (nil for a delete).
    public var after: KubeObject?
    /// The object as the manifests give it, namespace defaulted: what apply sends (nil for a delete).
    public var desired: KubeObject?
    /// The fields that differ between `before` and `after`.
    public var fields: FieldChanges
    /// The wave the change runs in (0 first); deletions come after every apply, in reverse order.
    public var wave: Int
    /// The live object's uid seen at plan time (nil when absent).
    public var liveUID: String?
    /// The live object's resourceVersion seen at plan time (nil when absent).
    public var liveResourceVersion: String?
    /// Where the object is in the manifests (nil for deletions).
    public var source: SourceLocation?

    /// Creates a planned change.
    public init(
        key: ResourceKey, apiVersion: String, action: PlanAction, before: KubeObject?, after: KubeObject?,
        desired: KubeObject?, fields: FieldChanges, wave: Int, liveUID: String?, liveResourceVersion: String?,
        source: SourceLocation?
    ) {
        self.key = key
        self.apiVersion = apiVersion
        self.action = action
        self.before = before
        self.after = after
        self.desired = desired
        self.fields = fields
        self.wave = wave
        self.liveUID = liveUID
        self.liveResourceVersion = liveResourceVersion
        self.source = source
    }
}
