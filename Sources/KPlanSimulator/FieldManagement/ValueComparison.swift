import KPlanCore

/// What changed between two values, in field paths (structured-merge-diff's `Compare`): leaves
/// (scalars, atomic lists and maps) added, modified or removed, and granular maps, lists and items
/// that appeared or disappeared as a whole.
struct ValueComparison {
    /// Paths present only in the new value.
    var added = FieldSet()
    /// Leaves whose value changed.
    var modified = FieldSet()
    /// Paths present only in the old value.
    var removed = FieldSet()

    /// Compares `old` with `new`.
    init(_ old: JSONValue?, _ new: JSONValue?, type: FieldType) {
        compare(old, new, type: type, path: FieldPath(), tracksNode: true, isNew: false)
    }

    /// This comparison without `ignored` paths and what lies below them.
    func excluding(_ ignored: FieldSet) -> ValueComparison {
        var result = self
        result.added = added.recursiveDifference(ignored)
        result.modified = modified.recursiveDifference(ignored)
        result.removed = removed.recursiveDifference(ignored)
        return result
    }

    /// `tracksNode` is false for a declared struct field or required field: Kubernetes' typed objects
    /// always hold those (an empty typed object has them too), so such a node never appears or
    /// disappears by itself — unless it lies in a list item or map entry that is new (`isNew`).
    private mutating func compare(_ old: JSONValue?, _ new: JSONValue?, type: FieldType, path: FieldPath, tracksNode: Bool, isNew: Bool) {
        switch (old ?? new, new ?? old) {
        case (.object(let oldMembers)?, .object(let newMembers)?)
            where !type.isAtomicMap && !(oldMembers.isEmpty && newMembers.isEmpty):
            let before = old?.object ?? [:]
            let after = new?.object ?? [:]
            // Members equal on both sides hold no change, so only the others are walked.
            for (name, member) in before where after[name] != member {
                compareMember(name, member, after[name], type: type, path: path, isNew: isNew)
            }
            for (name, member) in after where before[name] == nil {
                compareMember(name, nil, member, type: type, path: path, isNew: isNew)
            }
        case (.array(let oldItems)?, .array(let newItems)?)
            where type.listKind != .atomic && !(oldItems.isEmpty && newItems.isEmpty):
            let kind = type.listKind
            let itemType = type.items
            guard let before = try? ListItems(old?.array ?? [], kind: kind, itemType: itemType, strict: false),
                  let after = try? ListItems(new?.array ?? [], kind: kind, itemType: itemType, strict: false)
            else { return }
            for element in before.order where before.items[element] != after.items[element] {
                compare(before.items[element], after.items[element], type: itemType, path: path.appending(element), tracksNode: true, isNew: isNew)
            }
            for element in after.order where before.items[element] == nil {
                compare(nil, after.items[element], type: itemType, path: path.appending(element), tracksNode: true, isNew: true)
            }
        default:
            if old == nil {
                added.insert(path)
            } else if new == nil {
                removed.insert(path)
            } else if old != new {
                modified.insert(path)
            }
            return
        }
        guard tracksNode else { return }
        if old == nil {
            added.insert(path)
        } else if new == nil {
            removed.insert(path)
        }
    }

    /// Compares the member `name` of an object of `type`.
    private mutating func compareMember(_ name: String, _ old: JSONValue?, _ new: JSONValue?, type: FieldType, path: FieldPath, isNew: Bool) {
        let memberType = type.member(name)
        let declared = type.declares(name)
        compare(old, new, type: memberType, path: path.appending(.field(name)),
                tracksNode: isNew || !(declared && (memberType.isStruct || type.requires(name))),
                isNew: isNew || (!declared && old == nil))
    }
}
