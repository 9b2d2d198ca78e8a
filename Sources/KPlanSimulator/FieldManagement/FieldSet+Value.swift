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
            var set = FieldSet()
            for (name, member) in members {
                let element = FieldPath.Element.field(name)
                let child: (isField: Bool, below: FieldSet)
                do {
                    child = try fields(of: member, type: type.member(name))
                } catch {
                    throw error.prefixed(with: element)
                }
                if child.isField || member.isNull || member.object?.isEmpty == true || !type.declares(name) {
                    set.insertMember(element)
                }
                set.setChild(element, child.below)
            }
            return (false, set)
        case .array(let items):
            let kind = type.listKind
            if kind == .atomic { return (true, FieldSet()) }
            let itemType = type.items
            let list = try ListItems(items, kind: kind, itemType: itemType, strict: true)
            var set = FieldSet()
            for element in list.order {
                do {
                    set.setChild(element, try fields(of: list.items[element]!, type: itemType).below)
                } catch {
                    throw error.prefixed(with: element)
                }
                set.insertMember(element)
            }
            return (false, set)
        case .null, .bool, .int, .double, .string:
            return (true, FieldSet())
        }
    }

    /// This set with every declared struct field that has paths below it also counted as a member
    /// (Kubernetes' `EnsureNamedFieldsAreMembers`), so pruning can tell owned struct fields apart.
    func withNamedFieldsAsMembers(type: FieldType) -> FieldSet {
        var result = self
        for (element, below) in children {
            let childType: FieldType
            switch element {
            case .field(let name):
                childType = type.member(name)
                if type.declares(name) { result.insertMember(element) }
            case .key, .value, .index:
                childType = type.items
            }
            result.setChild(element, below.withNamedFieldsAsMembers(type: childType))
        }
        return result
    }
}
