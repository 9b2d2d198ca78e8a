import KPlanCore

extension FieldSet {
    /// The fields a value sets, as structured-merge-diff's `ToFieldSet` finds them: every scalar, every
    /// atomic list or map as a whole, every list item, every map key that is not a declared struct
    /// field, and every null or empty member.
    static func of(_ value: JSONValue, type: FieldType) throws(FieldTypeError) -> FieldSet {
        var set = FieldSet()
        try collect(value, type: type, path: FieldPath(), into: &set)
        return set
    }

    private static func collect(_ value: JSONValue, type: FieldType, path: FieldPath, into set: inout FieldSet) throws(FieldTypeError) {
        switch value {
        case .object(let members):
            if type.isAtomicMap {
                set.insert(path)
                return
            }
            for (name, member) in members {
                let childPath = path.appending(.field(name))
                try collect(member, type: type.member(name), path: childPath, into: &set)
                if member.isNull || member.object?.isEmpty == true || !type.declares(name) {
                    set.insert(childPath)
                }
            }
        case .array(let items):
            let kind = type.listKind
            if kind == .atomic {
                set.insert(path)
                return
            }
            let itemType = type.items
            let list = try ListItems(items, kind: kind, itemType: itemType, path: path, strict: true)
            for element in list.order {
                let childPath = path.appending(element)
                try collect(list.items[element]!, type: itemType, path: childPath, into: &set)
                set.insert(childPath)
            }
        case .null, .bool, .int, .double, .string:
            set.insert(path)
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
