/// A Kubernetes cluster as the planner sees it: the embedded simulated cluster, or (later) a remote
/// API server. Every call has the semantics of the Kubernetes API call of the same name.
public protocol ClusterBackend: Sendable {
    /// Discovery: every kind the cluster serves, with its versions, names and scope.
    func resources() async throws -> [APIResource]

    /// The object with this key, nil when there is none. `version` selects the representation for
    /// kinds served at several versions (nil: the preferred one).
    func get(_ key: ResourceKey, version: String?) async throws -> KubeObject?

    /// The objects with these keys that exist, in their preferred versions: one round trip for many
    /// reads (a plan reads every desired object's live state at once).
    func get(_ keys: [ResourceKey]) async throws -> [ResourceKey: KubeObject]

    /// For each of `objects`, in order: its live uid and resourceVersion when the backend knows,
    /// without reading the object, that its server-side apply (as `options.fieldManager`) would change
    /// nothing, else nil. A plan skips those dry runs. A backend that cannot tell cheaply returns nils.
    func unchangedApplies(_ objects: [KubeObject], options: ApplyOptions) async throws -> [LiveVersion?]

    /// Every object of a kind, in one namespace or (nil) all, whose labels include `labels`.
    func list(group: String, kind: String, namespace: String?, labels: [String: String]) async throws -> [KubeObject]

    /// Server-side apply of `object` (a patch holding the fields the manager owns). Returns the object
    /// as stored — or, with `options.dryRun`, as it would be stored.
    func apply(_ object: KubeObject, options: ApplyOptions) async throws -> KubeObject

    /// Dry runs of the server-side applies of `objects`, each on its own and as of the same state, in
    /// input order: what `apply(_:options:)` with `dryRun` would return, or the API's refusal.
    func dryRunApplies(_ objects: [KubeObject], options: ApplyOptions) async throws -> [Result<KubeObject, APIError>]

    /// Creates the object, or replaces it (a non-apply update, recorded under the manager as `Update`).
    /// A `metadata.resourceVersion` in the object is a precondition.
    func update(_ object: KubeObject, options: UpdateOptions) async throws -> KubeObject

    /// Deletes the object. With finalizers present the object stays, marked with a deletion timestamp.
    func delete(_ key: ResourceKey, options: DeleteOptions) async throws -> DeleteOutcome

    /// The store's current revision (the newest write's).
    func revision() async throws -> Int64

    /// Changes after `revision`, oldest first, then every later change as it happens. Fails with
    /// `APIError.Reason.expired` when that history has been compacted away.
    func watch(after revision: Int64) async throws -> AsyncThrowingStream<WatchEvent, any Error>
}

extension ClusterBackend {
    /// The object with this key in its preferred version, nil when there is none.
    public func get(_ key: ResourceKey) async throws -> KubeObject? {
        try await get(key, version: nil)
    }

    /// One dry run after another.
    public func dryRunApplies(_ objects: [KubeObject], options: ApplyOptions) async throws -> [Result<KubeObject, APIError>] {
        var options = options
        options.dryRun = true
        var results: [Result<KubeObject, APIError>] = []
        for object in objects {
            do {
                results.append(.success(try await apply(object, options: options)))
            } catch let error as APIError {
                results.append(.failure(error))
            }
        }
        return results
    }

    /// None: without a cheap way to tell, every apply is dry-run.
    public func unchangedApplies(_ objects: [KubeObject], options: ApplyOptions) async throws -> [LiveVersion?] {
        Array(repeating: nil, count: objects.count)
    }
}

/// Which version of an object is live: its uid and resourceVersion.
public struct LiveVersion: Sendable, Hashable {
    /// `metadata.uid`.
    public var uid: String?
    /// `metadata.resourceVersion`.
    public var resourceVersion: String

    /// Creates a live version.
    public init(uid: String?, resourceVersion: String) {
        self.uid = uid
        self.resourceVersion = resourceVersion
    }
}

/// How an apply is made.
public struct ApplyOptions: Sendable, Hashable {
    /// The field manager the applied fields are recorded under.
    public var fieldManager: String
    /// Take ownership of fields another manager owns instead of refusing.
    public var force: Bool
    /// Compute the result without storing it.
    public var dryRun: Bool

    /// Creates apply options.
    public init(fieldManager: String, force: Bool = false, dryRun: Bool = false) {
        self.fieldManager = fieldManager
        self.force = force
        self.dryRun = dryRun
    }
}

/// How a create or replace is made.
public struct UpdateOptions: Sendable, Hashable {
    /// The field manager the change is recorded under (operation `Update`).
    public var fieldManager: String
    /// Compute the result without storing it.
    public var dryRun: Bool

    /// Creates update options.
    public init(fieldManager: String, dryRun: Bool = false) {
        self.fieldManager = fieldManager
        self.dryRun = dryRun
    }
}

/// What happens to an object's dependents when it is deleted.
public enum PropagationPolicy: String, Sendable, Hashable, CaseIterable {
    /// Dependents are deleted in the background after the owner.
    case background = "Background"
    /// The owner stays until its dependents are deleted.
    case foreground = "Foreground"
    /// Dependents are kept, their owner references removed.
    case orphan = "Orphan"
}

/// How a delete is made.
public struct DeleteOptions: Sendable, Hashable {
    /// What happens to dependents.
    public var propagationPolicy: PropagationPolicy
    /// Delete only if the object still has this uid.
    public var uid: String?
    /// Delete only if the object is still at this resource version.
    public var resourceVersion: String?
    /// Compute the outcome without storing it.
    public var dryRun: Bool

    /// Creates delete options.
    public init(propagationPolicy: PropagationPolicy = .background, uid: String? = nil, resourceVersion: String? = nil, dryRun: Bool = false) {
        self.propagationPolicy = propagationPolicy
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.dryRun = dryRun
    }
}

/// What a delete did.
public enum DeleteOutcome: Sendable, Hashable {
    /// The object is gone; this was its last state.
    case deleted(KubeObject)
    /// The object has finalizers: it is marked for deletion (`deletionTimestamp`) and stays until they
    /// are removed.
    case pending(KubeObject)
}

/// One kind a cluster serves (an entry of API discovery).
public struct APIResource: Sendable, Hashable {
    /// The API group (`""` for core).
    public var group: String
    /// Served versions, the preferred (storage) version first.
    public var versions: [String]
    /// The kind (`Deployment`).
    public var kind: String
    /// The resource name (`deployments`).
    public var plural: String
    /// The singular name (`deployment`).
    public var singular: String
    /// Short names (`deploy`).
    public var shortNames: [String]
    /// Namespaced or cluster-scoped.
    public var scope: ResourceScope

    /// Creates a discovery entry.
    public init(group: String, versions: [String], kind: String, plural: String, singular: String, shortNames: [String], scope: ResourceScope) {
        self.group = group
        self.versions = versions
        self.kind = kind
        self.plural = plural
        self.singular = singular
        self.shortNames = shortNames
        self.scope = scope
    }

    /// The preferred version.
    public var preferredVersion: String { versions.first ?? "v1" }

    /// How the API server's messages name the resource: `deployments.apps`, or `services` for the
    /// core group.
    public var qualifiedName: String { group.isEmpty ? plural : "\(plural).\(group)" }
}

/// One change seen by a watch.
public struct WatchEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
    }

    /// What happened.
    public var kind: Kind
    /// The object after the change (for `deleted`, its last state).
    public var object: KubeObject
    /// The revision of the change.
    public var revision: Int64

    /// Creates a watch event.
    public init(kind: Kind, object: KubeObject, revision: Int64) {
        self.kind = kind
        self.object = object
        self.revision = revision
    }
}
