import KPlanCore

/// An object's `metadata.managedFields`, keyed by manager identity while an apply or update works on it.
struct ManagedFields {
    /// The entries by manager identity.
    var entries: [ManagerIdentity: ManagedFieldsEntry] = [:]

    /// The managed fields of an object; entries that cannot be read are dropped.
    init(of object: JSONValue?) {
        guard let items = object?[path: "metadata", "managedFields"]?.array else { return }
        for item in items {
            guard let entry = ManagedFieldsEntry(item) else { continue }
            if let existing = entries[entry.identity] {
                var merged = existing
                merged.fields = existing.fields.union(entry.fields)
                merged.time = max(existing.time ?? "", entry.time ?? "").nilIfEmpty
                entries[entry.identity] = merged
            } else {
                entries[entry.identity] = entry
            }
        }
    }

    /// Whether no manager owns anything.
    var isEmpty: Bool { entries.isEmpty }

    /// Removes `paths` from every manager's fields (exactly, not below), drops managers left with
    /// nothing; `except` keeps one manager untouched.
    mutating func remove(_ paths: FieldSet, except: ManagerIdentity? = nil) {
        for (identity, entry) in entries where identity != except {
            var changed = entry
            changed.fields = entry.fields.difference(paths)
            entries[identity] = changed
        }
    }

    /// Drops the managers that own nothing.
    mutating func dropEmpty() {
        entries = entries.filter { !$0.value.fields.isEmpty }
    }

    /// Merges the oldest `Update` managers, per apiVersion, into one `ancient-changes` entry until at
    /// most `limit` remain, as the API server caps them (10).
    mutating func capUpdateManagers(limit: Int) {
        let updaters = entries.values.filter { $0.operation == .update }
            .sorted { ($0.time ?? "", $0.identity) < ($1.time ?? "", $1.identity) }
        var count = updaters.count
        var firstOfVersion: [String: ManagerIdentity] = [:]
        for entry in updaters where count > limit {
            guard let first = firstOfVersion[entry.apiVersion] else {
                firstOfVersion[entry.apiVersion] = entry.identity
                continue
            }
            let bucket = ManagerIdentity(manager: Self.ancientChanges, operation: .update, apiVersion: entry.apiVersion, subresource: "")
            if entries[bucket] == nil, var moved = entries.removeValue(forKey: first) {
                moved.manager = Self.ancientChanges
                entries[bucket] = moved
            }
            if var merged = entries[bucket] {
                merged.fields = merged.fields.union(entry.fields)
                merged.time = entry.time
                entries[bucket] = merged
            }
            entries[entry.identity] = nil
            count -= 1
        }
    }

    /// The manager the oldest updates are merged into.
    static let ancientChanges = "ancient-changes"

    /// The entries in Kubernetes' order, as `metadata.managedFields` holds them.
    var sorted: [ManagedFieldsEntry] {
        entries.values.sorted(by: ManagedFieldsEntry.kubernetesOrder)
    }

    /// `object` with these managed fields in its metadata (none: the key removed).
    func written(into object: JSONValue) -> JSONValue {
        var result = object
        let list = sorted.map(\.json)
        result.set(list.isEmpty ? nil : .array(list), at: ["metadata", "managedFields"])
        return result
    }
}

extension String {
    /// nil for the empty string.
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
