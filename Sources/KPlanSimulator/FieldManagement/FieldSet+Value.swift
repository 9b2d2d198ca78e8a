import KPlanCore

extension FieldSet {
    /// The fields a value sets, as structured-merge-diff's `ToFieldSet` finds them: every scalar, every
    /// atomic list or map as a whole, every list item, every map key that is not a declared struct
    /// field, and every null or empty member.
    static func of(_ value: JSONValue, type: FieldType) throws(FieldTypeError) -> FieldSet {
        try fields(of: value, type: type).below
    }

    /// The fields of `value` relative to it: whether the value itself counts as a field (scalars,
    /// atomic lists and maps), and the paths below it.
    private static func fields(of value: JSONValue, type: FieldType) throws(FieldTypeError) -> (isField: Bool, below: FieldSet) {
        switch value {
        case .object(let members):
            if type.isAtomicMap { return (true, FieldSet()) }
            // Field steps sort as their names do, so one sort of the names orders both levels.
            var fieldMembers: [FieldPath.Element] = []
            var children: [Child] = []
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                let element = FieldPath.Element.field(name)
                let child: (isField: Bool, below: FieldSet)
                do {
                    child = try fields(of: member, type: type.member(name))
                } catch {
                    throw error.prefixed(with: element)
                }
                if child.isField || member.isNull || member.object?.isEmpty == true || !type.declares(name) {
                    fieldMembers.append(element)
                }
                if !child.below.isEmpty { children.append(Child(element: element, set: child.below)) }
            }
            return (false, FieldSet(sortedMembers: fieldMembers, sortedChildren: children))
        case .array(let items):
            let kind = type.listKind
            if kind == .atomic { return (true, FieldSet()) }
            let itemType = type.items
            let list = try ListItems(items, kind: kind, itemType: itemType, strict: true)
            var entries: [Child] = []
            entries.reserveCapacity(list.order.count)
            for element in list.order {
                do {
                    entries.append(Child(element: element, set: try fields(of: list.items[element]!, type: itemType).below))
                } catch {
                    throw error.prefixed(with: element)
                }
            }
            // Every item is a member and the steps are distinct, so one sort orders both levels.
            entries.sort { $0.element < $1.element }
            return (false, FieldSet(sortedMembers: entries.map(\.element), sortedChildren: entries.filter { !$0.set.isEmpty }))
        case .null, .bool, .int, .double, .string:
            return (true, FieldSet())
        }
    }

    /// This set with every declared struct field that has paths below it also counted as a member
    /// (Kubernetes' `EnsureNamedFieldsAreMembers`), so pruning can tell owned struct fields apart.
    func withNamedFieldsAsMembers(type: FieldType) -> FieldSet {
        var named: [FieldPath.Element] = []
        var children: [Child] = []
        children.reserveCapacity(self.children.count)
        for child in self.children {
            let childType: FieldType
            switch child.element {
            case .field(let name):
                childType = type.member(name)
                if type.declares(name) { named.append(child.element) }
            case .key, .value, .index:
                childType = type.items
            }
            children.append(Child(element: child.element, set: child.set.withNamedFieldsAsMembers(type: childType)))
        }
        return FieldSet(sortedMembers: Self.uniting(members, named), sortedChildren: children)
    }
}
