import KPlanCore

/// Removes the fields of a set from a value (structured-merge-diff's `RemoveItems`): each path in
/// the set goes with everything below it; a map or list emptied by the removal goes too.
enum ValueRemoval {
    /// `value` without `paths`; nil when nothing is left of a value that had something.
    static func removing(_ paths: FieldSet, from value: JSONValue, type: FieldType) -> JSONValue? {
        guard !paths.isEmpty else { return value }
        switch value {
        case .object(let members) where !type.isAtomicMap:
            var result: [String: JSONValue] = [:]
            for (name, member) in members {
                let element = FieldPath.Element.field(name)
                if paths.hasMember(element) { continue }
                let below = paths.child(element)
                if !below.isEmpty {
                    if let kept = removing(below, from: member, type: type.member(name)) { result[name] = kept }
                } else {
                    result[name] = member
                }
            }
            return result.isEmpty && !members.isEmpty ? nil : .object(result)
        case .array(let items) where type.listKind != .atomic:
            let kind = type.listKind
            let itemType = type.items
            var result: [JSONValue] = []
            for (index, item) in items.enumerated() {
                let element = (try? ListItems.element(of: item, at: index, kind: kind, itemType: itemType)) ?? .index(index)
                if paths.hasMember(element) { continue }
                let below = paths.child(element)
                if !below.isEmpty {
                    if let kept = removing(below, from: item, type: itemType) { result.append(kept) }
                } else {
                    result.append(item)
                }
            }
            return result.isEmpty && !items.isEmpty ? nil : .array(result)
        default:
            return value
        }
    }
}
