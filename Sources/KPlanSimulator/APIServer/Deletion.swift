import KPlanCore

/// One delete inside a store transaction, with what a real cluster's controllers would do at once:
/// objects with finalizers are only marked; a Namespace's objects go with it; an owner's dependents
/// are deleted (Background, Foreground) or released (Orphan).
struct Deletion {
    var transaction: StoreTransaction
    let now: String
    let dryRun: Bool

    /// Deletes `object` (stored at `modRevision`).
    mutating func delete(_ object: KubeObject, modRevision: Int64, policy: PropagationPolicy) throws -> DeleteOutcome {
        var pendingContent = false
        if object.gvk.group.isEmpty && object.kind == "Namespace" {
            for stored in try transaction.list(group: nil, kind: nil, namespace: object.name) where !stored.key.namespace.isEmpty {
                let member = EmbeddedCluster.served(stored, version: nil)
                if case .pending = try delete(member, modRevision: stored.modRevision, policy: .background) { pendingContent = true }
            }
        }
        if let uid = object.uid {
            try releaseDependents(of: uid, policy: policy)
        }
        if !object.finalizers.isEmpty || pendingContent {
            guard object.deletionTimestamp == nil else { return .pending(object) }
            var marked = object
            marked.deletionTimestamp = now
            marked[path: "metadata", "deletionGracePeriodSeconds"] = .int(0)
            if object.gvk.group.isEmpty && object.kind == "Namespace" {
                marked[path: "status", "phase"] = "Terminating"
            }
            var stored = marked
            stored.resourceVersion = nil
            if !dryRun {
                let revision = try transaction.put(object.key, stored.value, expectedModRevision: modRevision)
                marked.resourceVersion = String(revision)
            }
            return .pending(marked)
        }
        if !dryRun {
            _ = try transaction.delete(object.key, expectedModRevision: modRevision)
        }
        return .deleted(object)
    }

    /// Deletes or releases the objects whose owner references name `uid`.
    private mutating func releaseDependents(of uid: String, policy: PropagationPolicy) throws {
        for stored in try transaction.list(group: nil, kind: nil, namespace: nil) {
            guard let references = stored.value[path: "metadata", "ownerReferences"]?.array,
                references.contains(where: { $0["uid"]?.string == uid })
            else { continue }
            let dependent = EmbeddedCluster.served(stored, version: nil)
            switch policy {
            case .orphan:
                var released = dependent
                let remaining = references.filter { $0["uid"]?.string != uid }
                released[path: "metadata", "ownerReferences"] = remaining.isEmpty ? nil : .array(remaining)
                released.resourceVersion = nil
                if !dryRun { _ = try transaction.put(stored.key, released.value, expectedModRevision: stored.modRevision) }
            case .background, .foreground:
                _ = try delete(dependent, modRevision: stored.modRevision, policy: policy)
            }
        }
    }
}
