import KPlanCore

/// One object's entry in a plan.
///
/// Its values live in one shared box: a plan of ten thousand objects is built, merged and sorted by
/// copying changes, and a copy is then one retain instead of one per field. A change that is written
/// to gets a box of its own first.
public struct PlannedChange: Sendable, Hashable {
    /// The stored values (see the public properties of the same names).
    private struct Values: Sendable, Hashable {
        var key: ResourceKey
        var apiVersion: String
        var action: PlanAction
        var before: KubeObject?
        var after: KubeObject?
        var desired: KubeObject?
        var fields: FieldChanges
        var wave: Int
        var liveUID: String?
        var liveResourceVersion: String?
        var source: SourceLocation?
    }

    /// The shared, never-mutated box of values.
    private final class Box: Sendable {
        let values: Values

        init(_ values: Values) {
            self.values = values
        }
    }

    private var box: Box

    /// Reads and writes one value; a write replaces the box, so copies keep theirs.
    private subscript<Value>(_ path: WritableKeyPath<Values, Value>) -> Value {
        get { box.values[keyPath: path] }
        set {
            var values = box.values
            values[keyPath: path] = newValue
            box = Box(values)
        }
    }

    /// The object's identity.
    public var key: ResourceKey {
        get { box.values.key }
        set { self[\.key] = newValue }
    }
    /// The apiVersion it is applied with.
    public var apiVersion: String {
        get { box.values.apiVersion }
        set { self[\.apiVersion] = newValue }
    }
    /// What applying does to it.
    public var action: PlanAction {
        get { box.values.action }
        set { self[\.action] = newValue }
    }
    /// The live object, noise removed (nil when absent).
    public var before: KubeObject? {
        get { box.values.before }
        set { self[\.before] = newValue }
    }
    /// The object as it would be stored, noise removed (nil for a delete).
    public var after: KubeObject? {
        get { box.values.after }
        set { self[\.after] = newValue }
    }
    /// The object as the manifests give it, namespace defaulted: what apply sends (nil for a delete).
    public var desired: KubeObject? {
        get { box.values.desired }
        set { self[\.desired] = newValue }
    }
    /// The fields that differ between `before` and `after`.
    public var fields: FieldChanges {
        get { box.values.fields }
        set { self[\.fields] = newValue }
    }
    /// The wave the change runs in (0 first); deletions come after every apply, in reverse order.
    public var wave: Int {
        get { box.values.wave }
        set { self[\.wave] = newValue }
    }
    /// The live object's uid seen at plan time (nil when absent).
    public var liveUID: String? {
        get { box.values.liveUID }
        set { self[\.liveUID] = newValue }
    }
    /// The live object's resourceVersion seen at plan time (nil when absent).
    public var liveResourceVersion: String? {
        get { box.values.liveResourceVersion }
        set { self[\.liveResourceVersion] = newValue }
    }
    /// Where the object is in the manifests (nil for deletions).
    public var source: SourceLocation? {
        get { box.values.source }
        set { self[\.source] = newValue }
    }

    /// Creates a planned change.
    public init(
        key: ResourceKey, apiVersion: String, action: PlanAction, before: KubeObject?, after: KubeObject?,
        desired: KubeObject?, fields: FieldChanges, wave: Int, liveUID: String?, liveResourceVersion: String?,
        source: SourceLocation?
    ) {
        box = Box(Values(
            key: key, apiVersion: apiVersion, action: action, before: before, after: after, desired: desired,
            fields: fields, wave: wave, liveUID: liveUID, liveResourceVersion: liveResourceVersion, source: source))
    }

    public static func == (lhs: PlannedChange, rhs: PlannedChange) -> Bool {
        lhs.box === rhs.box || lhs.box.values == rhs.box.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.values)
    }
}
