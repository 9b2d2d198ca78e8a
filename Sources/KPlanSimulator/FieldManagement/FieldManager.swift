import KPlanCore
import KPlanValidation

/// Server-side apply and field ownership, as the Kubernetes API server keeps them in
/// `metadata.managedFields` (structured-merge-diff's `Updater` behind the apiserver's field manager).
///
/// Pure: objects in, the object to store out. The schema decides how lists and maps merge (see
/// `FieldType`); without one, objects merge per key and lists are replaced whole.
public struct FieldManager: Sendable {
    /// Fields no manager owns through this endpoint: by default `status`, which the main resource of
    /// a kind with a status subresource ignores (the store resets its value).
    public var ignoredFields: FieldSet

    /// The most `Update` managers an object keeps; older ones merge into `ancient-changes`.
    public static let maxUpdateManagers = 10

    /// The manager recorded for fields an object had before anyone applied to it.
    public static let beforeFirstApply = "before-first-apply"

    /// Fields Kubernetes never records as owned (its `stripMeta` set).
    static let strippedFields = FieldSet([
        FieldPath(fields: "apiVersion"), FieldPath(fields: "kind"), FieldPath(fields: "metadata"),
        FieldPath(fields: "metadata", "name"), FieldPath(fields: "metadata", "namespace"),
        FieldPath(fields: "metadata", "creationTimestamp"), FieldPath(fields: "metadata", "selfLink"),
        FieldPath(fields: "metadata", "uid"), FieldPath(fields: "metadata", "clusterName"),
        FieldPath(fields: "metadata", "generation"), FieldPath(fields: "metadata", "managedFields"),
        FieldPath(fields: "metadata", "resourceVersion"),
    ])

    /// A field manager ignoring `ignoredFields` (default: `status`).
    public init(ignoredFields: FieldSet = FieldSet([FieldPath(fields: "status")])) {
        self.ignoredFields = ignoredFields
    }

    /// Server-side apply of `applied` by `manager` onto `live` (nil: the object does not exist yet).
    ///
    /// Returns the object to store, with its managed fields; `live`'s own metadata (uid,
    /// resourceVersion, …) is kept. Fields the manager applied before and no longer sends are removed
    /// unless another manager owns them; another manager's field set to a different value is a
    /// conflict unless `force`, which takes it over.
    /// - Parameters:
    ///   - now: the time recorded for the manager (RFC 3339, seconds: `2026-01-02T03:04:05Z`).
    ///   - schema: the kind's schema (`SchemaRegistry.lookup`), nil to deduce types from values.
    /// - Throws: `APIError` `.conflict` with one `FieldManagerConflict` cause per field;
    ///   `.internalError` (the API server's 500) when a list item lacks its key or repeats one;
    ///   `.badRequest` when the applied object carries managed fields.
    public func apply(live: KubeObject?, applied: KubeObject, manager: String, force: Bool, now: String, schema: Schema?) throws(APIError) -> KubeObject {
        if applied[path: "metadata", "managedFields"] != nil {
            throw APIError(.badRequest, "metadata.managedFields must be nil")
        }
        let type = FieldType(schema: schema)
        let liveValue = Self.withoutManagedFields(live?.value) ?? .object([:])
        let config = applied.value
        if let live, let reapplied = reapplyingUnchangedFields(
            config, over: live, liveValue: liveValue, type: type, manager: manager, apiVersion: applied.apiVersion, now: now)
        {
            return reapplied
        }
        let newFields: FieldSet
        var merged: JSONValue
        do {
            newFields = try FieldSet.of(config, type: type).recursiveDifference(ignoredFields)
            merged = try ValueMerge.merge(liveValue, config, type: type) ?? .object([:])
        } catch {
            throw APIError(.internalError, "failed to create typed patch object (\(Self.describe(applied))): \(error.description)")
        }
        var managed = ManagedFields(of: live?.value)
        let original = managed
        if let live, managed.isEmpty {
            managed = recordExisting(live.value, now: now, type: type)
        }
        let identity = ManagerIdentity(manager: manager, operation: .apply, apiVersion: "", subresource: "")
        let lastFields = managed.entries[identity]?.fields.recursiveDifference(ignoredFields)
        var entry = ManagedFieldsEntry(
            manager: manager, operation: .apply, apiVersion: applied.apiVersion,
            time: managed.entries[identity]?.time, fields: newFields)
        managed.entries[identity] = entry
        if let lastFields, !lastFields.difference(newFields).isEmpty {
            merged = prune(merged, lastFields: lastFields, managed: managed, type: type)
        }
        try takeOwnership(from: liveValue, to: merged, for: identity, managed: &managed, force: force, type: type)
        if merged != liveValue || live == nil {
            entry.time = now
        }
        entry.fields = newFields
        managed.entries[identity] = entry
        return finish(merged, managed, unchangedFrom: original, written: live?.value)
    }

    /// The object `apply` stores in its most common case, found without reading any managed fields
    /// into sets: `live`'s managed fields are only `manager`'s Apply entry, and it already owns exactly
    /// the applied fields less those never recorded (compared with the entry's `fieldsV1` as the
    /// configuration is walked, without making its field set). Then nothing is pruned, no other
    /// manager can conflict or lose a field, and the entry changes only in its apiVersion and, when
    /// the value changed, its time. Nil in every other case, and when the configuration or the merge
    /// has an error, which the full apply then reports as it always does.
    private func reapplyingUnchangedFields(
        _ config: JSONValue, over live: KubeObject, liveValue: JSONValue, type: FieldType, manager: String, apiVersion: String, now: String
    ) -> KubeObject? {
        guard ignoredFields.children.isEmpty, let entries = live[path: "metadata", "managedFields"]?.array, entries.count == 1,
            Self.isApplyEntry(entries[0], of: manager), let fieldsV1 = entries[0]["fieldsV1"], fieldsV1.object?.isEmpty == false
        else { return nil }
        let ignored = Set(ignoredFields.members.compactMap { element -> String? in
            if case .field(let name) = element { return name }
            return nil
        })
        guard ignored.count == ignoredFields.members.count,
            (try? AppliedFieldsMatch.matches(config, type: type, fieldsV1: fieldsV1, ignoring: ignored)) == true,
            let merged = try? ValueMerge.merge(liveValue, config, type: type)
        else { return nil }
        return Self.reapplied(merged, over: entries, liveValue: liveValue, fieldsV1: fieldsV1, manager: manager, apiVersion: apiVersion, now: now)
    }

    /// `merged` with the managed fields of a repeated apply: the only entry, `manager`'s, kept as it
    /// is unless its apiVersion changes or, when the value changed, its time.
    private static func reapplied(
        _ merged: JSONValue, over entries: [JSONValue], liveValue: JSONValue, fieldsV1: JSONValue, manager: String, apiVersion: String, now: String
    ) -> KubeObject {
        let stored = entries[0]
        let storedTime = stored["time"]?.string
        let time = merged == liveValue ? storedTime : now
        var object = merged
        if stored["apiVersion"]?.string ?? "" == apiVersion && time == storedTime {
            object.set(.array(entries), at: ["metadata", "managedFields"])
        } else {
            let entry = ManagedFieldsEntry.json(
                manager: manager, operation: .apply, apiVersion: apiVersion, time: time, fieldsV1: fieldsV1, subresource: "")
            object.set(.array([entry]), at: ["metadata", "managedFields"])
        }
        return KubeObject(object) ?? KubeObject([:])
    }

    /// Whether `entry`, as stored in `metadata.managedFields`, is `manager`'s Apply entry for the main
    /// resource and its `fieldsV1` is exactly `fields` (checked without decoding it).
    private static func isApplyEntry(_ entry: JSONValue, of manager: String, owningExactly fields: FieldSet) -> Bool {
        guard isApplyEntry(entry, of: manager), let fieldsV1 = entry["fieldsV1"] else { return false }
        return fields.isWritten(as: fieldsV1)
    }

    /// Whether `entry`, as stored in `metadata.managedFields`, is `manager`'s Apply entry for the main
    /// resource, in the `FieldsV1` format.
    private static func isApplyEntry(_ entry: JSONValue, of manager: String) -> Bool {
        entry["manager"]?.string == manager
            && entry["operation"]?.string == ManagedFieldsEntry.Operation.apply.rawValue
            && entry["fieldsType"]?.string ?? "FieldsV1" == "FieldsV1"
            && entry["subresource"]?.string ?? "" == ""
    }

    /// What applying `applied` as `manager` would make of `live`'s value (managed fields left out)
    /// when the manager's Apply entry, at the same apiVersion, already owns exactly the fields
    /// `applied` sets: then nothing would be pruned and no ownership would move, and if this value
    /// (once defaulted) equals `live`'s, the apply changes nothing. Nil when ownership would change.
    public func unchangedOwnershipMerge(live: KubeObject, applied: KubeObject, manager: String, schema: Schema?) -> JSONValue? {
        guard applied[path: "metadata", "managedFields"] == nil else { return nil }
        // Only this manager's entry is looked at (most objects have several).
        let ownEntries = (live[path: "metadata", "managedFields"]?.array ?? []).filter {
            $0["manager"]?.string == manager && $0["operation"]?.string == "Apply"
        }
        let type = FieldType(schema: schema)
        do {
            let fields = try FieldSet.of(applied.value, type: type).recursiveDifference(ignoredFields).difference(Self.strippedFields)
            guard owns(exactly: fields, at: applied.apiVersion, entries: ownEntries, manager: manager, live: live) else { return nil }
            return try ValueMerge.merge(Self.withoutManagedFields(live.value) ?? .object([:]), applied.value, type: type)
        } catch {
            return nil
        }
    }

    /// Whether `manager`'s Apply entry, read from `entries` (its stored entries: none, one, or several
    /// that merge), owns exactly `fields` at `apiVersion`; no entry owns nothing. A single entry that
    /// already is `fields` is not decoded.
    private func owns(exactly fields: FieldSet, at apiVersion: String, entries: [JSONValue], manager: String, live: KubeObject) -> Bool {
        let identity = ManagerIdentity(manager: manager, operation: .apply, apiVersion: "", subresource: "")
        let own: ManagedFieldsEntry?
        switch entries.count {
        case 0:
            own = nil
        case 1:
            if entries[0]["apiVersion"]?.string ?? "" == apiVersion, Self.isApplyEntry(entries[0], of: manager, owningExactly: fields) {
                return true
            }
            own = ManagedFieldsEntry(entries[0]).flatMap { $0.identity == identity ? $0 : nil }
        default:
            own = ManagedFields(of: live.value).entries[identity]
        }
        guard let entry = own else { return fields.isEmpty }
        return entry.apiVersion == apiVersion
            && entry.fields.recursiveDifference(ignoredFields).difference(Self.strippedFields) == fields
    }

    /// A non-apply write (create, replace, patch) of `new` by `manager` over `live` (nil: a create).
    ///
    /// The manager gains every field the write added or changed (operation `Update`), other managers
    /// lose those fields and every removed one. Managed fields sent in `new` replace the live ones, as
    /// the API server allows.
    public func update(live: KubeObject?, new: KubeObject, manager: String, now: String, schema: Schema?) -> KubeObject {
        let type = FieldType(schema: schema)
        var managed = ManagedFields(of: new.value)
        var source = new.value
        if managed.isEmpty {
            managed = ManagedFields(of: live?.value)
            source = live?.value ?? .null
        }
        let original = managed
        let newValue = Self.withoutManagedFields(new.value) ?? .object([:])
        let liveValue = Self.withoutManagedFields(live?.value) ?? .object([:])
        recordUpdate(from: liveValue, to: newValue, manager: manager, apiVersion: new.apiVersion, now: now, managed: &managed, type: type)
        return finish(newValue, managed, unchangedFrom: original, written: source)
    }

    /// Gives `manager` the fields changed from `old` to `new` and takes them (and removed fields)
    /// from everyone else (Kubernetes' `managedFieldsUpdater.Update` around the `Updater`).
    private func recordUpdate(from old: JSONValue, to new: JSONValue, manager: String, apiVersion: String, now: String, managed: inout ManagedFields, type: FieldType) {
        let comparison = ValueComparison(old, new, type: type).excluding(ignoredFields)
        managed.remove(comparison.modified.union(comparison.added))
        managed.remove(comparison.removed)
        let gained = comparison.modified.union(comparison.added).difference(comparison.removed).recursiveDifference(ignoredFields)
        managed.dropEmpty()
        guard !gained.isEmpty else { return }
        let identity = ManagerIdentity(manager: manager, operation: .update, apiVersion: apiVersion, subresource: "")
        let previous = managed.entries[identity]?.fields ?? FieldSet()
        managed.entries[identity] = ManagedFieldsEntry(
            manager: manager, operation: .update, apiVersion: apiVersion, time: now, fields: previous.union(gained))
    }

    /// Managed fields for an object that has none: everything it holds, owned by
    /// `before-first-apply` (so an apply can take over or remove those fields).
    private func recordExisting(_ object: JSONValue, now: String, type: FieldType) -> ManagedFields {
        var managed = ManagedFields(of: nil)
        let value = Self.withoutManagedFields(object) ?? .object([:])
        recordUpdate(
            from: .object([:]), to: value, manager: Self.beforeFirstApply, apiVersion: object["apiVersion"]?.string ?? "",
            now: now, managed: &managed, type: type)
        for (identity, entry) in managed.entries {
            var stripped = entry
            stripped.fields = entry.fields.difference(Self.strippedFields)
            managed.entries[identity] = stripped
        }
        managed.dropEmpty()
        return managed
    }

    /// Removes from `merged` what the applier owned last time and no longer applies, unless some
    /// manager (the applier's new fields included) owns it (structured-merge-diff's `prune`).
    private func prune(_ merged: JSONValue, lastFields: FieldSet, managed: ManagedFields, type: FieldType) -> JSONValue {
        var owned = FieldSet()
        for entry in managed.entries.values { owned = owned.union(entry.fields) }
        let last = lastFields.withNamedFieldsAsMembers(type: type)
        let disowned = Self.unowned(last, owned.withNamedFieldsAsMembers(type: type))
        return ValueRemoval.removing(disowned, from: merged, type: type) ?? .object([:])
    }

    /// The paths of `last` not in `owned`, keeping only the topmost of nested ones.
    private static func unowned(_ last: FieldSet, _ owned: FieldSet) -> FieldSet {
        let members = last.members.filter { !owned.hasMember($0) }
        var children: [FieldSet.Child] = []
        FieldSet.merge(last.children, members) { child, member in
            guard let child, member == nil else { return }
            let below = unowned(child.set, owned.child(child.element))
            if !below.isEmpty { children.append(FieldSet.Child(element: child.element, set: below)) }
        }
        return FieldSet(sortedMembers: members, sortedChildren: children)
    }

    /// Checks the change from `live` to `merged` against the other managers: fields they own that
    /// it adds or changes conflict (or with `force` move to the applier); fields it removes leave them.
    private func takeOwnership(from live: JSONValue, to merged: JSONValue, for identity: ManagerIdentity, managed: inout ManagedFields, force: Bool, type: FieldType) throws(APIError) {
        // Without another manager nothing can conflict or lose a field (a create, or the applier
        // alone), so the change need not be worked out.
        guard live != merged, managed.entries.keys.contains(where: { $0 != identity }) else { return }
        let comparison = ValueComparison(live, merged, type: type).excluding(ignoredFields)
        let changed = comparison.modified.union(comparison.added)
        var conflicts: [(entry: ManagedFieldsEntry, paths: [FieldPath])] = []
        for other in managed.entries.keys.sorted() where other != identity {
            let entry = managed.entries[other]!
            let overlap = entry.fields.intersection(changed)
            if !overlap.isEmpty { conflicts.append((entry, overlap.paths)) }
        }
        if !force && !conflicts.isEmpty {
            throw Self.conflictError(conflicts)
        }
        for conflict in conflicts {
            managed.entries[conflict.entry.identity]?.fields = conflict.entry.fields.difference(FieldSet(conflict.paths))
        }
        managed.remove(comparison.removed, except: identity)
        managed.dropEmpty()
    }

    /// Kubernetes' conflict error: `Apply failed with 1 conflict: conflict with "m" using apps/v1: .spec.replicas`,
    /// or for several, one `conflicts with "m":` block per manager listing `- path` lines.
    static func conflictError(_ conflicts: [(entry: ManagedFieldsEntry, paths: [FieldPath])]) -> APIError {
        let count = conflicts.reduce(0) { $0 + $1.paths.count }
        var causes: [APIError.Cause] = []
        var lines: [String] = []
        for conflict in conflicts {
            lines.append("conflicts with \(conflict.entry.conflictName):")
            for path in conflict.paths {
                lines.append("- \(path)")
                causes.append(APIError.Cause(
                    type: "FieldManagerConflict", message: "conflict with \(conflict.entry.conflictName)", field: path.description))
            }
        }
        let message = count == 1
            ? "Apply failed with 1 conflict: conflict with \(conflicts[0].entry.conflictName): \(conflicts[0].paths[0])"
            : "Apply failed with \(count) conflicts: " + lines.joined(separator: "\n")
        return APIError(.conflict, message, causes: causes)
    }

    /// The object to store: `value` with the managed fields, stripped of what is never owned. When
    /// they equal `original`, the managed fields of `written` (where `original` was read) are reused
    /// as they are instead of being written anew.
    private func finish(_ value: JSONValue, _ managed: ManagedFields, unchangedFrom original: ManagedFields, written: JSONValue?) -> KubeObject {
        var result = managed
        for (identity, entry) in managed.entries {
            result.entries[identity]?.fields = entry.fields.difference(Self.strippedFields)
        }
        result.dropEmpty()
        result.capUpdateManagers(limit: Self.maxUpdateManagers)
        if !original.isEmpty, result.entries == original.entries, let list = written?[path: "metadata", "managedFields"] {
            var object = value
            object.set(list, at: ["metadata", "managedFields"])
            return KubeObject(object) ?? KubeObject([:])
        }
        return KubeObject(result.written(into: value)) ?? KubeObject([:])
    }

    /// `value` without `metadata.managedFields`.
    public static func withoutManagedFields(_ value: JSONValue?) -> JSONValue? {
        guard var value else { return nil }
        value.set(nil, at: ["metadata", "managedFields"])
        return value
    }

    /// `default/web; apps/v1, Kind=Deployment`, as Kubernetes names an object in these messages.
    private static func describe(_ object: KubeObject) -> String {
        "\(object.namespace)/\(object.name); \(object.apiVersion), Kind=\(object.kind)"
    }
}
