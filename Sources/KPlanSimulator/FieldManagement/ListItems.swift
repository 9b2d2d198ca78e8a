import KPlanCore

/// The items of a granular list with the path step that identifies each.
struct ListItems {
    /// Each item's step, in list order, duplicates dropped.
    var order: [FieldPath.Element] = []
    /// The item for each step (the first, for a duplicated step).
    var items: [FieldPath.Element: JSONValue] = [:]

    /// Indexes `list` (errors name no path: callers put theirs in front); with `strict`, a duplicate or an item without its keys is an error, otherwise
    /// such items are kept under their index (live objects are taken as they are).
    init(_ list: [JSONValue], kind: FieldType.ListKind, itemType: FieldType, strict: Bool) throws(FieldTypeError) {
        for (index, item) in list.enumerated() {
            var element: FieldPath.Element
            do {
                element = try Self.element(of: item, at: index, kind: kind, itemType: itemType)
            } catch {
                if strict { throw error }
                element = .index(index)
            }
            if items[element] != nil {
                if strict {
                    throw FieldTypeError(path: FieldPath(), message: "duplicate entries for key \(FieldPath([element]))")
                }
                continue
            }
            items[element] = item
            order.append(element)
        }
    }

    /// The step naming one list item: its key fields (a schema default fills a missing one), its
    /// value (sets), or its index (atomic lists).
    static func element(of item: JSONValue, at index: Int, kind: FieldType.ListKind, itemType: FieldType) throws(FieldTypeError) -> FieldPath.Element {
        switch kind {
        case .atomic:
            return .index(index)
        case .set:
            return .value(item)
        case .map(let keys):
            guard !keys.isEmpty else { return .index(index) }
            guard case .object(let members) = item else {
                throw FieldTypeError(path: FieldPath(), message: "element \(index): associative list with keys may only have object items, not \(item.typeName)")
            }
            var fields: [FieldPath.KeyField] = []
            for key in keys.sorted() {
                guard let value = members[key] ?? itemType.defaultValue(of: key) else {
                    throw FieldTypeError(
                        path: FieldPath(),
                        message: "element \(index): associative list with keys has an element that omits key field \"\(key)\" (and doesn't have default value)")
                }
                fields.append(FieldPath.KeyField(name: key, value: value))
            }
            return .key(fields)
        }
    }
}
