import KPlanCore

/// Merges an applied configuration into a live value, as structured-merge-diff's `Merge` does: the
/// applied value wins for scalars and atomic lists and maps; granular maps merge per key; granular
/// lists merge per item, in the applied order with live-only items kept where they were.
enum ValueMerge {
    /// `live` with `applied` merged in; nil when the result is absent.
    static func merge(_ live: JSONValue?, _ applied: JSONValue?, type: FieldType) throws(FieldTypeError) -> JSONValue? {
        guard let applied else { return live }
        guard let live else { return applied.isNull ? nil : applied }
        switch (live, applied) {
        case (.object(let liveMembers), .null) where !liveMembers.isEmpty && !type.isAtomicMap:
            return live
        case (.array(let liveItems), .null) where !liveItems.isEmpty && type.listKind != .atomic:
            return live
        case (_, .null):
            return nil
        case (.object(let liveMembers), .object(let appliedMembers)):
            if type.isAtomicMap { return applied }
            // Members the merge leaves as they were are not written back, so an unchanged subtree
            // keeps the live value's storage (and compares equal to it at once).
            var result = liveMembers
            for (name, value) in appliedMembers {
                let current = liveMembers[name]
                let merged: JSONValue?
                do {
                    merged = try merge(current, value, type: type.member(name))
                } catch {
                    throw error.prefixed(with: .field(name))
                }
                if merged != current { result[name] = merged }
            }
            return .object(result)
        case (.array(let liveItems), .array(let appliedItems)):
            let kind = type.listKind
            if kind == .atomic || (liveItems.isEmpty && appliedItems.isEmpty) { return applied }
            return .array(try mergeItems(liveItems, appliedItems, kind: kind, itemType: type.items))
        default:
            return applied
        }
    }

    /// The item order of structured-merge-diff's list merge: applied items in their order, each
    /// merged with its live twin; live-only items stay where they were relative to the shared ones.
    private static func mergeItems(_ live: [JSONValue], _ applied: [JSONValue], kind: FieldType.ListKind, itemType: FieldType) throws(FieldTypeError) -> [JSONValue] {
        let rhs = try ListItems(applied, kind: kind, itemType: itemType, strict: true)
        let lhs = try ListItems(live, kind: kind, itemType: itemType, strict: false)
        var shared = rhs.order.filter { lhs.items[$0] != nil }[...]
        var nextShared = shared.popFirst()
        var out: [JSONValue] = []
        var taken: Set<FieldPath.Element> = []
        func mergeItem(_ element: FieldPath.Element) throws(FieldTypeError) {
            taken.insert(element)
            do {
                if let merged = try merge(lhs.items[element], rhs.items[element], type: itemType) { out.append(merged) }
            } catch {
                throw error.prefixed(with: element)
            }
        }
        var left = 0
        var right = 0
        while left < lhs.order.count || right < rhs.order.count {
            if left < lhs.order.count && right < rhs.order.count {
                let element = lhs.order[left]
                if element == rhs.order[right] {
                    try mergeItem(element)
                    left += 1
                    right += 1
                    nextShared = shared.popFirst()
                    continue
                }
                if rhs.items[element] != nil, let next = nextShared, next != element {
                    left += 1
                    continue
                }
            }
            if left < lhs.order.count {
                let element = lhs.order[left]
                if rhs.items[element] == nil {
                    try mergeItem(element)
                    left += 1
                    continue
                }
                if taken.contains(element) {
                    left += 1
                    continue
                }
            }
            if right < rhs.order.count {
                let element = rhs.order[right]
                try mergeItem(element)
                right += 1
                if nextShared == element { nextShared = shared.popFirst() }
            } else {
                left += 1
            }
        }
        return out
    }
}
