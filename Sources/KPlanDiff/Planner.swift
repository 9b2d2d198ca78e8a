import Foundation
import KPlanCore
import KPlanValidation

/// Computes a plan: each desired object's apply is dry-run against the backend and the result compared
/// with the live object, so server defaults never show as changes; then, when pruning, the ApplySet's
/// earlier members that the manifests no longer hold are planned for deletion.
public struct Planner: Sendable {
    /// The cluster planned against.
    public var backend: any ClusterBackend
    /// The schema of a kind (built-in, or from a CRD in the input or the cluster), for list keys in
    /// field paths.
    public var schema: @Sendable (GroupVersionKind) -> Schema?

    /// Creates a planner.
    public init(backend: any ClusterBackend, schema: @escaping @Sendable (GroupVersionKind) -> Schema?) {
        self.backend = backend
        self.schema = schema
    }

    /// Plans `request`.
    /// - Throws: only what keeps the backend from answering at all (an unreadable state); refusals of
    ///   single objects are `PlanResult.problems`.
    public func plan(_ request: PlanRequest) async throws -> PlanResult {
        let served = Set(try await backend.resources().map { GroupKind(group: $0.group, kind: $0.kind) })
        var objects = request.objects
        var problems: [PlanProblem] = []
        var notes: [String] = []

        // Pruning: the members the manifests no longer hold are found first, so the parent can keep
        // recording the kinds and namespaces of the ones a guard keeps.
        var deletions: [KubeObject] = []
        if let prune = request.prune {
            let liveParent = try await backend.get(prune.applySet.parentKey)
            objects = objects.map { ManifestObject(object: prune.applySet.member($0.object), location: $0.location) }
            let desiredKeys = Set(objects.map(\.object.key))
            var kept: [KubeObject] = []
            for candidate in try await pruneCandidates(prune, liveParent: liveParent, current: objects) where !desiredKeys.contains(candidate.key) {
                if prune.mayDelete(kind: candidate.kind) {
                    deletions.append(candidate)
                } else {
                    kept.append(candidate)
                    notes.append("\(candidate.key) is no longer in the manifests but is not deleted: \(candidate.kind) objects are pruned only with --allow-delete \(candidate.kind)")
                }
            }
            if let limit = prune.maxDeletions, deletions.count > limit {
                problems.append(PlanProblem(key: nil, location: nil, message: "the plan would delete \(deletions.count) objects, more than --max-deletions \(limit) allows"))
            }
            let members = objects.map(\.object) + kept
            let parent = prune.applySet.parent(
                groupKinds: Set(members.map { ApplySet.groupKind(group: $0.gvk.group, kind: $0.kind) }),
                namespaces: Set(members.map(\.namespace)), tooling: prune.tooling)
            objects.append(ManifestObject(object: parent, location: nil))
        }

        let createdNamespaces = try await namespacesCreated(by: objects)
        let definedKinds = Set(objects.compactMap(\.object.definedGroupKind))
        // The ApplySet parent goes last, after any prune, so it records the set as applied. The waves
        // are worked out while the backend looks for repeats.
        let memberCount = request.prune == nil ? objects.count : objects.count - 1
        let members = objects.prefix(memberCount).map(\.object)
        async let memberWaves = DependencyOrder.waves(for: members)
        var changes: [PlannedChange] = []
        let options = ApplyOptions(fieldManager: request.fieldManager, force: request.forceConflicts, dryRun: true)
        let keys = objects.map(\.object.key)
        let isServed = objects.map { served.contains($0.object.gvk.groupKind) }
        // Applies the backend knows are repeats need neither a read nor a dry run.
        let servedIndices = objects.indices.filter { isServed[$0] }
        var repeats = [LiveVersion?](repeating: nil, count: objects.count)
        for (index, version) in zip(servedIndices, try await backend.unchangedApplies(servedIndices.map { objects[$0].object }, options: options)) {
            repeats[index] = version
        }
        var waves = await memberWaves
        waves += Array(repeating: 0, count: objects.count - memberCount)
        // On another core while the other objects are read: the repeats' changes, and the order of
        // every change in the plan (by wave, then key, as `Plan` sorts).
        let planning = objects
        let planningWaves = waves
        let planningRepeats = repeats
        let planningKeys = keys
        async let repeatedChanges = planning.indices.map { index -> PlannedChange? in
            guard let version = planningRepeats[index] else { return nil }
            let manifest = planning[index]
            return PlannedChange(
                key: planningKeys[index], apiVersion: manifest.object.apiVersion, action: .unchanged, before: nil,
                after: nil, desired: manifest.object, fields: FieldChanges(), wave: planningWaves[index],
                liveUID: version.uid, liveResourceVersion: version.resourceVersion, source: manifest.location)
        }
        async let planOrder = Plan.order(waves: planningWaves, keys: planningKeys)
        let liveObjects = try await backend.get(objects.indices.filter { isServed[$0] && repeats[$0] == nil }.map { keys[$0] })
        // The other objects: live versions other than the desired one are read again, then every
        // object the server can take is dry-run in one batch, and each result compared with the live
        // object (on all cores); results keep input order.
        var pending: [PendingObject] = []
        for (index, manifest) in objects.enumerated() where repeats[index] == nil {
            let object = manifest.object
            var live = liveObjects[keys[index]]
            if let found = live, found.gvk.version != object.gvk.version {
                live = try await backend.get(keys[index], version: object.gvk.version)
            }
            let groupKind = object.gvk.groupKind
            let localOnly = !isServed[index] && definedKinds.contains(groupKind)
            // Its namespace or its CRD is created by this plan: no server can dry-run it yet.
            let dryRun = live != nil || !(createdNamespaces.contains(object.namespace) || localOnly)
            pending.append(PendingObject(index: index, live: live, dryRun: dryRun))
        }
        let dryRuns = pending.filter(\.dryRun)
        var results = try await backend.dryRunApplies(dryRuns.map { objects[$0.index].object }, options: options).makeIterator()
        var outcomes: [Result<KubeObject, APIError>] = []
        for object in pending {
            outcomes.append(object.dryRun ? results.next()! : .success(objects[object.index].object))
        }
        let compared = zip(pending, outcomes).map { ($0, $1) }.parallelMap { object, outcome -> ObjectOutcome in
            let manifest = planning[object.index]
            switch outcome {
            case .success(let after):
                return .change(change(
                    for: manifest.object, live: object.live, after: after, wave: planningWaves[object.index], location: manifest.location))
            case .failure(let error):
                return .problem(PlanProblem(key: manifest.object.key, location: manifest.location, message: error.message, causes: error.causes))
            }
        }
        // Each object's change by its position (nil for a problem); problems in input order
        // (pending keeps it), changes in plan order.
        var changeAt = await repeatedChanges
        for (object, outcome) in zip(pending, compared) {
            switch outcome {
            case .change(let change): changeAt[object.index] = change
            case .problem(let problem): problems.append(problem)
            }
        }
        changes.reserveCapacity(objects.count)
        for index in await planOrder {
            if let change = changeAt[index] { changes.append(change) }
        }

        guard let prune = request.prune else {
            return PlanResult(plan: Plan(sortedChanges: changes), problems: problems, notes: notes)
        }
        // Pruning: the deletions, then the parent, after every member.
        let firstDeletionWave = (waves.max() ?? -1) + 1
        let deletionWaves = DependencyOrder.deletionWaves(for: deletions)
        for (object, wave) in zip(deletions, deletionWaves) {
            changes.append(change(for: object, live: object, after: nil, wave: firstDeletionWave + wave, location: nil))
        }
        let parentWave = firstDeletionWave + (deletionWaves.max().map { $0 + 1 } ?? 0)
        if let index = changes.firstIndex(where: { $0.key == prune.applySet.parentKey }) {
            changes[index].wave = parentWave
        }
        return PlanResult(plan: Plan(changes: changes), problems: problems, notes: notes)
    }

    /// What planning one object gave.
    private enum ObjectOutcome: Sendable {
        case change(PlannedChange)
        case problem(PlanProblem)
    }

    /// A desired object that is not a known repeat: its live state and whether it is dry-run.
    private struct PendingObject: Sendable {
        var index: Int
        var live: KubeObject?
        var dryRun: Bool
    }

    /// One object's change: noise removed from both sides, then compared field by field.
    private func change(for object: KubeObject, live: KubeObject?, after: KubeObject?, wave: Int, location: SourceLocation?) -> PlannedChange {
        let before = live.map(NoiseFilter.strip)
        let planned = after.map(NoiseFilter.strip)
        let fields = ObjectDiff.compare(before: before?.value, after: planned?.value, schema: schema(object.gvk))
        let action: PlanAction =
            switch (live, after) {
            case (nil, _): .create
            case (_, nil): .delete
            case (.some, .some): fields.isEmpty ? .unchanged : .update
            }
        return PlannedChange(
            key: object.key, apiVersion: object.apiVersion, action: action, before: before, after: planned,
            desired: after == nil ? nil : object, fields: fields, wave: wave, liveUID: live?.uid,
            liveResourceVersion: live?.resourceVersion, source: location)
    }

    /// Namespaces the desired objects create (absent from the cluster now).
    private func namespacesCreated(by objects: [ManifestObject]) async throws -> Set<String> {
        let keys = objects.filter { $0.object.gvk.group == "" && $0.object.kind == "Namespace" }
            .map { ResourceKey(group: "", kind: "Namespace", namespace: "", name: $0.object.name) }
        guard !keys.isEmpty else { return [] }
        let live = try await backend.get(keys)
        return Set(keys.filter { live[$0] == nil }.map(\.name))
    }

    /// Live objects labelled as members of the ApplySet, of every group-kind the live parent records
    /// or the manifests hold, in every namespace either names.
    private func pruneCandidates(_ prune: PruneOptions, liveParent: KubeObject?, current: [ManifestObject]) async throws -> [KubeObject] {
        var groupKinds = Set(current.map { $0.object.gvk.groupKind })
        var namespaces = Set(current.map(\.object.namespace)).subtracting([""])
        if let liveParent {
            groupKinds.formUnion(ApplySet.groupKinds(of: liveParent))
            namespaces.formUnion(ApplySet.namespaces(of: liveParent))
        }
        namespaces.insert(prune.applySet.namespace)
        let resources = try await backend.resources()
        let membership = [ApplySet.partOfLabel: prune.applySet.id]
        var found: [ResourceKey: KubeObject] = [:]
        for groupKind in groupKinds.sorted(by: { ($0.group, $0.kind) < ($1.group, $1.kind) }) {
            guard let resource = resources.first(where: { $0.group == groupKind.group && $0.kind == groupKind.kind }) else { continue }
            switch resource.scope {
            case .cluster:
                for object in try await backend.list(group: groupKind.group, kind: groupKind.kind, namespace: nil, labels: membership) {
                    found[object.key] = object
                }
            case .namespaced:
                for namespace in namespaces.sorted() {
                    for object in try await backend.list(group: groupKind.group, kind: groupKind.kind, namespace: namespace, labels: membership) {
                        found[object.key] = object
                    }
                }
            }
        }
        return found.keys.sorted().map { found[$0]! }
    }
}
