import Crypto
import KPlanCore
import KPlanValidation
import KPlanYAML
import Synchronization

/// The embedded simulated cluster's API server: a `ClusterBackend` over a `ClusterStore`, with the
/// API semantics of a real one on every write — discovery, validation, defaulting and admission,
/// server-side apply with managed fields, identity and versioning (`uid`, `creationTimestamp`,
/// `generation`, `resourceVersion` from the store's revision), namespaces that must exist,
/// optimistic concurrency, finalizers and deletion timestamps, and owner references.
///
/// What a real cluster does in controllers is done here at once, until the simulated control plane
/// takes it over: deleting a Namespace deletes what is in it, and deleting an owner deletes (or, with
/// `Orphan`, releases) its dependents.
public final class EmbeddedCluster: ClusterBackend {
    /// The store every object lives in.
    public let store: ClusterStore
    /// The schemas of the built-in kinds of the Kubernetes version served.
    public let builtin: SchemaRegistry
    private let clock: any ClusterClock
    private let uids: UIDGenerator
    private let fieldManager = FieldManager()
    /// The registry with the stored CRDs, and discovery.
    private let schemaCache = RevisionCache<Schemas>()
    /// The cluster IPs and node ports Services hold.
    private let addressCache = RevisionCache<ServiceAddresses>()
    /// The objects read last, at the store's revision, with their served form: a plan reads each
    /// object and then dry-runs its apply, which reads it again.
    private let recentReads = RevisionCache<[ResourceKey: RecentRead]>()
    /// Objects a plan found re-applied with another configuration than their manager's last: their
    /// dry runs skip the no-op check, which could only fail.
    private let reconfigured = RevisionCache<Set<ResourceKey>>()
    /// The objects admission plugins read (classes, limit ranges), by kind and namespace.
    private let admissionLists = RevisionCache<[AdmissionList: [KubeObject]]>()

    /// The objects of a kind in a namespace (nil: all).
    private struct AdmissionList: Hashable, Sendable {
        var group: String
        var kind: String
        var namespace: String?
    }

    /// A stored object and its served form (`served(_:version:)`, at its stored version).
    private struct RecentRead: Sendable {
        var stored: StoredObject
        var served: KubeObject

        init(_ stored: StoredObject) {
            self.stored = stored
            served = EmbeddedCluster.served(stored, version: nil)
        }
    }

    private struct Schemas: Sendable {
        var registry: SchemaRegistry
        var catalog: ResourceCatalog
    }

    private struct ServiceAddresses: Sendable {
        var clusterIPs: Set<String> = []
        var nodePorts: Set<Int> = []

        mutating func add(_ service: JSONValue) {
            clusterIPs.formUnion(EmbeddedCluster.clusterIPs(of: service))
            nodePorts.formUnion(EmbeddedCluster.nodePorts(of: service))
        }
    }

    /// Namespaces every cluster starts with.
    public static let initialNamespaces = ["default", "kube-public", "kube-system"]

    /// Opens the cluster held by `store`, creating the initial namespaces on first use.
    public init(store: ClusterStore, kubernetesVersion: String = SchemaRegistry.defaultVersion,
                clock: any ClusterClock = SystemClock(), uids: UIDGenerator = .random()) throws {
        self.store = store
        self.builtin = try SchemaRegistry.builtin(version: kubernetesVersion)
        self.clock = clock
        self.uids = uids
        if try store.revision == 0 {
            for name in Self.initialNamespaces {
                let namespace = KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]])
                _ = try write(namespace, operation: .update(manager: "kube-apiserver"), dryRun: false)
            }
        }
    }

    // MARK: ClusterBackend

    public func resources() async throws -> [APIResource] {
        try schemas().catalog.resources
    }

    public func get(_ key: ResourceKey, version: String?) async throws -> KubeObject? {
        guard let read = try read(key, at: try store.revision) else { return nil }
        return Self.labelled(read.served, version: version)
    }

    public func get(_ keys: [ResourceKey]) async throws -> [ResourceKey: KubeObject] {
        let revision = try store.revision
        let found = try store.get(keys: keys).mapValues(RecentRead.init)
        recentReads.set(found, at: revision)
        return found.mapValues(\.served)
    }

    /// The stored object at `revision` (the store's current one) and its served form, from the
    /// recent reads when there.
    private func read(_ key: ResourceKey, at revision: Int64) throws -> RecentRead? {
        if let recent = recentReads.value(at: revision, compute: { [:] })[key] { return recent }
        guard let stored = try store.get(key) else { return nil }
        let read = RecentRead(stored)
        recentReads.advance(from: revision, to: revision) { reads in
            if reads.count >= 16 { reads.removeAll(keepingCapacity: true) }
            reads[key] = read
        }
        return read
    }

    public func list(group: String, kind: String, namespace: String?, labels: [String: String]) async throws -> [KubeObject] {
        try store.list(group: group, kind: kind, namespace: namespace).compactMap { stored in
            let object = Self.served(stored, version: nil)
            let objectLabels = object.labels
            return labels.allSatisfy { objectLabels[$0.key] == $0.value } ? object : nil
        }
    }

    public func apply(_ object: KubeObject, options: ApplyOptions) async throws -> KubeObject {
        try write(object, operation: .apply(manager: options.fieldManager, force: options.force), dryRun: options.dryRun)
    }

    /// The dry runs share one read of the revision and run on all cores.
    public func dryRunApplies(_ objects: [KubeObject], options: ApplyOptions) async throws -> [Result<KubeObject, APIError>] {
        let revision = try store.revision
        let operation = Operation.apply(manager: options.fieldManager, force: options.force)
        let outcomes = objects.parallelMap { object -> Result<KubeObject, any Error> in
            Result { try self.write(object, operation: operation, dryRun: true, revision: revision) }
        }
        return try outcomes.map { outcome in
            switch outcome {
            case .success(let object): return .success(object)
            case .failure(let error as APIError): return .failure(error)
            case .failure(let error): throw error
            }
        }
    }

    public func update(_ object: KubeObject, options: UpdateOptions) async throws -> KubeObject {
        try write(object, operation: .update(manager: options.fieldManager), dryRun: options.dryRun)
    }

    public func delete(_ key: ResourceKey, options: DeleteOptions) async throws -> DeleteOutcome {
        let resource = try resource(group: key.group, kind: key.kind, version: nil)
        return try store.write { transaction in
            guard let stored = try transaction.get(key) else { throw APIMessages.notFound(resource, name: key.name) }
            let live = Self.served(stored, version: nil)
            if let uid = options.uid, uid != live.uid {
                throw APIMessages.preconditionFailed(field: "UID", precondition: uid, actual: live.uid ?? "")
            }
            if let resourceVersion = options.resourceVersion, resourceVersion != live.resourceVersion {
                throw APIMessages.preconditionFailed(field: "ResourceVersion", precondition: resourceVersion, actual: live.resourceVersion ?? "")
            }
            var deletion = Deletion(transaction: transaction, now: clock.timestamp(), dryRun: options.dryRun)
            let outcome = try deletion.delete(live, modRevision: stored.modRevision, policy: options.propagationPolicy)
            transaction = deletion.transaction
            if !options.dryRun { invalidateCaches() }
            return outcome
        }
    }

    public func revision() async throws -> Int64 {
        try store.revision
    }

    public func watch(after revision: Int64) async throws -> AsyncThrowingStream<WatchEvent, any Error> {
        let events = store.watch(after: revision)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await event in events {
                        let object = KubeObject(event.value) ?? KubeObject([:])
                        var served = object
                        served.resourceVersion = String(event.revision)
                        let kind: WatchEvent.Kind =
                            switch event.kind {
                            case .put: event.isCreation ? .added : .modified
                            case .delete: .deleted
                            }
                        continuation.yield(WatchEvent(kind: kind, object: served, revision: event.revision))
                    }
                    continuation.finish()
                } catch let error as StoreError {
                    if case .compacted(let requested, let through) = error {
                        continuation.finish(throwing: APIError(.expired, "too old resource version: \(requested) (\(through))"))
                    } else {
                        continuation.finish(throwing: error)
                    }
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    // MARK: Writes

    private enum Operation {
        case apply(manager: String, force: Bool)
        case update(manager: String)
    }

    /// One write (or its dry run): merge or replace, admit, validate, stamp identity and version, and
    /// store it if the live object has not moved meanwhile (retried a few times when it has, as the
    /// API server's update loop does).
    /// - Parameter revision: the store's current revision when the caller just read it.
    private func write(_ request: KubeObject, operation: Operation, dryRun: Bool, revision known: Int64? = nil) throws -> KubeObject {
        var revision = try known ?? store.revision
        let schemas = try schemas(at: revision)
        let gvk = request.gvk
        let resource = try resource(group: gvk.group, kind: gvk.kind, version: gvk.version, catalog: schemas.catalog)
        var object = request
        Self.place(&object, as: resource)
        guard !object.name.isEmpty else { throw APIMessages.nameRequired() }
        let schema: Schema? = if case .found(let found) = schemas.registry.lookup(gvk) { found } else { nil }
        let key = object.key
        let isCustom = schemas.registry.crds.contains { $0.group == gvk.group && $0.kind == gvk.kind }
        // What an apply records so that a plan can tell a repeat of it without reading the object (not
        // for custom resources, whose CRD may change under them).
        let record: (manager: String, digest: String)? =
            if case .apply(let manager, _) = operation, !dryRun, !isCustom {
                (manager, Self.applyDigest(object, manager: manager, kubernetesVersion: builtin.version))
            } else {
                nil
            }
        for _ in 0..<8 {
            let read = try read(key, at: revision)
            let stored = read?.stored
            let live = read?.served
            if live == nil, !object.namespace.isEmpty {
                try checkNamespaceAcceptsNew(object.namespace, resource: resource, name: object.name)
            }
            if let requested = request.resourceVersion, let live, requested != live.resourceVersion {
                throw APIMessages.modified(resource, name: object.name)
            }
            if let live, live.deletionTimestamp != nil, live.finalizers.isEmpty {
                throw APIMessages.notFound(resource, name: object.name)
            }
            if case .apply(let manager, _) = operation, let live, live.deletionTimestamp == nil,
                !reconfigured.value(at: revision, compute: { [] }).contains(key),
                isNoOp(applying: object, as: manager, to: live, schema: schema, registry: schemas.registry)
            {
                if let record, let stored { try recordApplied(key, record, modRevision: stored.modRevision, uid: live.uid) }
                return live
            }
            let now = clock.timestamp()
            var merged: KubeObject
            switch operation {
            case .apply(let manager, let force):
                merged = try fieldManager.apply(live: live, applied: object, manager: manager, force: force, now: now, schema: schema)
            case .update(let manager):
                var replacement = object
                if let live {
                    replacement["status"] = live["status"]
                    replacement[path: "metadata", "managedFields"] = live[path: "metadata", "managedFields"]
                }
                merged = fieldManager.update(live: live, new: replacement, manager: manager, now: now, schema: schema)
            }
            var admitted = try admit(merged, live: live, registry: schemas.registry, revision: revision)
            stamp(&admitted, live: live, now: now, isCustom: isCustom)
            let validator = ObjectValidator(registry: schemas.registry)
            if let live {
                try validator.validateUpdate(admitted, old: live)
            } else {
                try validator.validate(admitted)
            }
            if let live, Self.sameIgnoringTimes(live, admitted) {
                if let record, let stored { try recordApplied(key, record, modRevision: stored.modRevision, uid: live.uid) }
                return live
            }
            if dryRun {
                admitted.resourceVersion = live?.resourceVersion
                return admitted
            }
            var stripped = admitted
            stripped.resourceVersion = nil
            do {
                let (before, revision, deleted) = try store.write { transaction in
                    let before = transaction.revision
                    if let live, live.deletionTimestamp != nil, stripped.finalizers.isEmpty {
                        // The last finalizer is gone: the deletion completes.
                        var deletion = Deletion(transaction: transaction, now: now, dryRun: false)
                        _ = try deletion.delete(stripped, modRevision: stored?.modRevision ?? 0, policy: .background)
                        transaction = deletion.transaction
                        return (before, transaction.revision, true)
                    }
                    let written = try transaction.put(key, stripped.value, expectedModRevision: stored?.modRevision ?? 0)
                    if let record {
                        try transaction.recordApplied(
                            key, manager: record.manager, digest: record.digest, modRevision: written, uid: stripped.uid)
                    }
                    return (before, written, false)
                }
                if deleted {
                    invalidateCaches()
                } else {
                    recordWrite(of: admitted, from: before, to: revision)
                }
                admitted.resourceVersion = String(revision)
                return admitted
            } catch StoreError.conflict {
                revision = try store.revision
                continue
            }
        }
        throw APIMessages.modified(resource, name: object.name)
    }

    /// Records an apply that changed nothing, unless the same record is there.
    private func recordApplied(_ key: ResourceKey, _ record: (manager: String, digest: String), modRevision: Int64, uid: String?) throws {
        let known = try store.appliedConfigurations(keys: [key], manager: record.manager).first ?? nil
        guard known?.digest != record.digest || known?.modRevision != modRevision || known?.uid != uid else { return }
        try store.write { transaction in
            try transaction.recordApplied(key, manager: record.manager, digest: record.digest, modRevision: modRevision, uid: uid)
        }
    }

    public func unchangedApplies(_ objects: [KubeObject], options: ApplyOptions) async throws -> [LiveVersion?] {
        let schemas = try schemas()
        let customKinds = Set(schemas.registry.crds.map { GroupKind(group: $0.group, kind: $0.kind) })
        var placed: [KubeObject] = []
        var positions: [Int] = []
        placed.reserveCapacity(objects.count)
        positions.reserveCapacity(objects.count)
        for (position, var object) in objects.enumerated() {
            let groupKind = object.gvk.groupKind
            guard let resource = schemas.catalog.resource(group: groupKind.group, kind: groupKind.kind),
                !customKinds.contains(groupKind)
            else { continue }
            Self.place(&object, as: resource)
            placed.append(object)
            positions.append(position)
        }
        let revision = try store.revision
        // The records are read while the digests are computed.
        let store = store
        let keys = placed.map(\.key)
        let manager = options.fieldManager
        async let records = Result { () throws(StoreError) in try store.appliedConfigurations(keys: keys, manager: manager) }
        let version = builtin.version
        let hashes = placed.parallelMap { Self.applyDigest($0, manager: manager, kubernetesVersion: version) }
        let applied = try await records.get()
        var unchanged = [LiveVersion?](repeating: nil, count: objects.count)
        var changed: Set<ResourceKey> = []
        for (index, record) in applied.enumerated() {
            guard let record else { continue }
            if record.digest == hashes[index] {
                unchanged[positions[index]] = LiveVersion(uid: record.uid, resourceVersion: String(record.modRevision))
            } else {
                changed.insert(keys[index])
            }
        }
        reconfigured.set(changed, at: revision)
        return unchanged
    }

    /// The digest of an applied configuration: SHA-256 of the Kubernetes version, the manager and the
    /// object's compact JSON (keys sorted), in hex.
    public static func applyDigest(_ object: KubeObject, manager: String, kubernetesVersion: String) -> String {
        var hash = SHA256()
        // Concatenated rather than interpolated: a short result stays a small string, so nothing is allocated.
        var prefix = kubernetesVersion + "\n" + manager + "\n"
        prefix.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        object.value.writeCompactJSON { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        let digest = hash.finalize()
        return String(unsafeUninitializedCapacity: 2 * SHA256.byteCount) { hex in
            var count = 0
            for byte in digest {
                hex[count] = UInt8.lowercaseHexDigit(byte >> 4)
                hex[count + 1] = UInt8.lowercaseHexDigit(byte & 15)
                count += 2
            }
            return count
        }
    }

    /// Whether an apply would change nothing: ownership stays as it is and the merged object, once
    /// defaulted, is the live one. Such an apply (most of a plan's) skips admission and validation,
    /// which the live object passed when it was stored.
    private func isNoOp(applying object: KubeObject, as manager: String, to live: KubeObject, schema: Schema?, registry: SchemaRegistry) -> Bool {
        guard let merged = fieldManager.unchangedOwnershipMerge(live: live, applied: object, manager: manager, schema: schema) else {
            return false
        }
        let liveValue = FieldManager.withoutManagedFields(live.value)
        if merged == liveValue { return true }
        guard let candidate = KubeObject(merged) else { return false }
        return ObjectDefaulter(registry: registry).defaulted(candidate).value == liveValue
    }

    /// Defaulting and the mutating admission plugins.
    private func admit(_ object: KubeObject, live: KubeObject?, registry: SchemaRegistry, revision: Int64) throws -> KubeObject {
        var context = AdmissionContext()
        switch (object.gvk.group, object.kind) {
        case ("", "Service"):
            context.serviceAddresses = ServiceAddressesInUse { () throws(APIError) in
                do {
                    let addresses = try self.serviceAddresses(at: revision)
                    return (addresses.clusterIPs, addresses.nodePorts)
                } catch {
                    throw APIError(.internalError, "Internal error occurred: \(error)")
                }
            }
        case ("", "Pod"):
            context.priorityClasses = try objects(group: "scheduling.k8s.io", kind: "PriorityClass", namespace: nil, revision: revision)
            context.limitRanges = try objects(group: "", kind: "LimitRange", namespace: object.namespace, revision: revision)
        case ("", "PersistentVolumeClaim"):
            context.storageClasses = try objects(group: "storage.k8s.io", kind: "StorageClass", namespace: nil, revision: revision)
        case ("networking.k8s.io", "Ingress"):
            context.ingressClasses = try objects(group: "networking.k8s.io", kind: "IngressClass", namespace: nil, revision: revision)
        default:
            break
        }
        let defaulter = ObjectDefaulter(registry: registry)
        var request = object
        if live == nil, request.uid == nil { request.uid = uids.next() }
        return try defaulter.admit(request, operation: live.map { .update(old: $0) } ?? .create, context: context)
    }

    /// The objects of a kind in `namespace` (nil: all) at `revision`, the store's current one.
    private func objects(group: String, kind: String, namespace: String?, revision: Int64) throws -> [KubeObject] {
        let list = AdmissionList(group: group, kind: kind, namespace: namespace)
        if let cached = admissionLists.value(at: revision, compute: { [:] })[list] { return cached }
        let found = try store.list(group: group, kind: kind, namespace: namespace).compactMap { KubeObject($0.value) }
        admissionLists.advance(from: revision, to: revision) { $0[list] = found }
        return found
    }

    /// Identity, timestamps and generation.
    private func stamp(_ object: inout KubeObject, live: KubeObject?, now: String, isCustom: Bool) {
        let tracksGeneration = GenerationPolicy.tracksGeneration(group: object.gvk.group, kind: object.kind, isCustom: isCustom)
        if let live {
            object.uid = live.uid
            object[path: "metadata", "creationTimestamp"] = live[path: "metadata", "creationTimestamp"]
            object.deletionTimestamp = live.deletionTimestamp
            object[path: "metadata", "deletionGracePeriodSeconds"] = live[path: "metadata", "deletionGracePeriodSeconds"]
            if tracksGeneration {
                let generation = live.generation ?? 1
                object.generation = GenerationPolicy.specChanged(from: live, to: object) ? generation + 1 : generation
            }
        } else {
            if object.uid == nil { object.uid = uids.next() }
            object[path: "metadata", "creationTimestamp"] = .string(now)
            object.deletionTimestamp = nil
            object.generation = tracksGeneration ? 1 : nil
        }
    }

    /// Refuses new objects in a namespace that does not exist or is being deleted.
    private func checkNamespaceAcceptsNew(_ namespace: String, resource: APIResource, name: String) throws {
        guard let stored = try store.get(ResourceKey(group: "", kind: "Namespace", namespace: "", name: namespace)) else {
            throw APIMessages.namespaceNotFound(namespace)
        }
        if stored.value[path: "metadata", "deletionTimestamp"] != nil {
            throw APIMessages.namespaceTerminating(namespace, resource: resource, name: name)
        }
    }

    // MARK: Schemas and discovery

    /// The schemas this cluster validates with: the built-in kinds and its stored CRDs.
    public func schemaRegistry() throws -> SchemaRegistry {
        try schemas().registry
    }

    /// The registry (built-in kinds plus stored CRDs) and discovery, recompiled when the store moved
    /// by any write but this process's own writes of other kinds.
    private func schemas(at revision: Int64? = nil) throws -> Schemas {
        try schemaCache.value(at: try revision ?? store.revision) {
            let crds = try store.list(group: CRDCompiler.group, kind: "CustomResourceDefinition", namespace: nil)
                .compactMap { KubeObject($0.value).flatMap(CRDCompiler.compile) }
            return Schemas(registry: builtin.adding(crds: crds), catalog: ResourceCatalog(registry: builtin, crds: crds))
        }
    }

    /// The addresses and ports every Service holds.
    private func serviceAddresses(at revision: Int64) throws -> ServiceAddresses {
        try addressCache.value(at: revision) {
            var addresses = ServiceAddresses()
            for service in try store.list(group: "", kind: "Service", namespace: nil) { addresses.add(service.value) }
            return addresses
        }
    }

    /// Forgets what was derived from the store (after deletions, which may cascade).
    private func invalidateCaches() {
        schemaCache.invalidate()
        addressCache.invalidate()
        admissionLists.invalidate()
    }

    /// Keeps the caches current across this process's own write of `object` from `old` to `new`.
    private func recordWrite(of object: KubeObject, from old: Int64, to new: Int64) {
        let isCRD = object.gvk.group == "apiextensions.k8s.io" && object.kind == "CustomResourceDefinition"
        if isCRD { schemaCache.invalidate() } else { schemaCache.advance(from: old, to: new) }
        let isService = object.gvk.group.isEmpty && object.kind == "Service"
        addressCache.advance(from: old, to: new) { addresses in
            if isService { addresses.add(object.value) }
        }
        let written = object.gvk.groupKind
        admissionLists.advance(from: old, to: new) { lists in
            lists = lists.filter { $0.key.group != written.group || $0.key.kind != written.kind }
        }
    }

    private func resource(group: String, kind: String, version: String?, catalog: ResourceCatalog? = nil) throws -> APIResource {
        let catalog = try catalog ?? schemas().catalog
        guard let resource = catalog.resource(group: group, kind: kind),
            version.map({ resource.versions.contains($0) }) ?? true
        else {
            throw APIMessages.unknownKind(GroupVersionKind(group: group, version: version ?? "", kind: kind))
        }
        return resource
    }

    // MARK: Helpers

    /// Puts an object where the API server's URL would: no namespace for cluster-scoped kinds, and
    /// `default` for namespaced ones that name none.
    static func place(_ object: inout KubeObject, as resource: APIResource) {
        switch resource.scope {
        case .cluster: object.namespace = ""
        case .namespaced: if object.namespace.isEmpty { object.namespace = "default" }
        }
    }

    /// A stored object as served: its resourceVersion is its last write's revision; asked for at
    /// another served version, it is labelled with that version (fields are not converted).
    static func served(_ stored: StoredObject, version: String?) -> KubeObject {
        var object = KubeObject(stored.value) ?? KubeObject([:])
        object.resourceVersion = String(stored.modRevision)
        return labelled(object, version: version)
    }

    /// `object` labelled with `version` when given and another than its own (fields are not converted).
    private static func labelled(_ object: KubeObject, version: String?) -> KubeObject {
        guard let version, object.gvk.version != version else { return object }
        var labelled = object
        labelled["apiVersion"] = .string(GroupVersionKind(group: object.gvk.group, version: version, kind: object.kind).apiVersion)
        return labelled
    }

    /// Whether two objects differ only in the times of their managed-fields entries: then a write
    /// changes nothing and is not stored, as the API server skips no-op updates.
    /// Compared member by member, without copying either object.
    static func sameIgnoringTimes(_ lhs: KubeObject, _ rhs: KubeObject) -> Bool {
        guard case .object(let left) = lhs.value, case .object(let right) = rhs.value else { return lhs.value == rhs.value }
        return equalMembers(left, right, ignoring: nil) { key, left, right in
            guard key == "metadata", case .object(let leftMetadata) = left, case .object(let rightMetadata) = right else {
                return left == right
            }
            return equalMembers(leftMetadata, rightMetadata, ignoring: "resourceVersion") { key, left, right in
                guard key == "managedFields", case .array(let leftEntries) = left, case .array(let rightEntries) = right else {
                    return left == right
                }
                return leftEntries.count == rightEntries.count && zip(leftEntries, rightEntries).allSatisfy { left, right in
                    guard case .object(let leftEntry) = left, case .object(let rightEntry) = right else { return left == right }
                    return equalMembers(leftEntry, rightEntry, ignoring: "time") { _, left, right in left == right }
                }
            }
        }
    }

    /// Whether two objects have the same members, `ignoring` one key, their values compared by `equal`.
    private static func equalMembers(
        _ left: [String: JSONValue], _ right: [String: JSONValue], ignoring ignored: String?,
        equal: (String, JSONValue, JSONValue) -> Bool
    ) -> Bool {
        func count(_ members: [String: JSONValue]) -> Int {
            members.count - (ignored.map { members[$0] == nil ? 0 : 1 } ?? 0)
        }
        guard count(left) == count(right) else { return false }
        for (key, value) in left where key != ignored {
            guard let other = right[key], equal(key, value, other) else { return false }
        }
        return true
    }

    private static func clusterIPs(of service: JSONValue) -> Set<String> {
        var addresses = Set(service[path: "spec", "clusterIPs"]?.array?.compactMap(\.string) ?? [])
        if let address = service[path: "spec", "clusterIP"]?.string { addresses.insert(address) }
        return addresses.subtracting(["", "None"])
    }

    private static func nodePorts(of service: JSONValue) -> Set<Int> {
        var ports = Set((service[path: "spec", "ports"]?.array ?? []).compactMap { $0["nodePort"]?.int.map(Int.init) })
        if let health = service[path: "spec", "healthCheckNodePort"]?.int { ports.insert(Int(health)) }
        return ports
    }
}
