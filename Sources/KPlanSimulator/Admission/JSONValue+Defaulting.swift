import KPlanCore

/// Small in-place edits the defaulters make, with Go's notion of "unset": a missing or null member,
/// and for string fields also `""`.
extension JSONValue {
    /// Sets member `key` of an object to `value` when it is missing or null.
    mutating func setDefault(_ key: String, _ value: JSONValue) {
        guard object != nil else { return }
        if self[key] == nil || self[key]?.isNull == true { self[key] = value }
    }

    /// Sets string member `key` of an object to `value` when it is missing, null or `""`.
    mutating func setDefaultString(_ key: String, _ value: String) {
        guard object != nil else { return }
        switch self[key] {
        case nil, .null?: self[key] = .string(value)
        case .string(let text)?: if text.isEmpty { self[key] = .string(value) }
        case .bool?, .int?, .double?, .array?, .object?: break
        }
    }

    /// Edits object member `key`; a missing (or null) member is first created as `{}` when `create`
    /// is true, and left alone otherwise. Non-object members are left alone.
    ///
    /// The member is written back only when the edit changed it: most objects a write defaults
    /// already hold their defaults (they were merged from the stored object), and leaving their
    /// members untouched keeps them sharing the stored object's storage, so nothing is copied and
    /// later comparisons with the stored object stop at the first shared member.
    mutating func edit(_ key: String, create: Bool = false, _ body: (inout JSONValue) -> Void) {
        guard object != nil else { return }
        let original = self[key] ?? .null
        var child = original
        if child.isNull {
            guard create else { return }
            child = .object([:])
        }
        guard child.object != nil else { return }
        body(&child)
        if !child.isSameStorage(as: original) { self[key] = child }
    }

    /// Edits every object item of array member `key`, writing the array back only when an item
    /// changed (see `edit`).
    mutating func editItems(_ key: String, _ body: (inout JSONValue) -> Void) {
        guard case .array(let original)? = self[key] else { return }
        var items = original
        for index in items.indices where items[index].object != nil {
            var item = items[index]
            body(&item)
            if !item.isSameStorage(as: original[index]) { items[index] = item }
        }
        if !JSONValue.array(items).isSameStorage(as: .array(original)) { self[key] = .array(items) }
    }

    /// Whether two values are known to be the same without comparing them: the same object or array
    /// storage, or equal scalars. False says nothing (equal contents may be stored twice).
    func isSameStorage(as other: JSONValue) -> Bool {
        switch (self, other) {
        case (.object(let lhs), .object(let rhs)):
            // A dictionary is one reference to its storage: equal bits are the same storage.
            return withUnsafeBytes(of: lhs) { left in withUnsafeBytes(of: rhs) { right in left.elementsEqual(right) } }
        case (.array(let lhs), .array(let rhs)):
            return withUnsafeBytes(of: lhs) { left in withUnsafeBytes(of: rhs) { right in left.elementsEqual(right) } }
        case (.null, .null):
            return true
        case (.object, _), (.array, _), (.null, _), (.bool, _), (.int, _), (.double, _), (.string, _):
            return self == other
        }
    }

    /// Whether member `key` is missing, null, or an empty string, array or object (Go's zero value
    /// under `omitempty`).
    func isUnset(_ key: String) -> Bool {
        switch self[key] {
        case nil, .null?: true
        case .string(let text)?: text.isEmpty
        case .array(let items)?: items.isEmpty
        case .object(let members)?: members.isEmpty
        case .bool?, .int?, .double?: false
        }
    }
}
