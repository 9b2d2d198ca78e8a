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

    /// Edits object member `key` in place; a missing (or null) member is first created as `{}` when
    /// `create` is true, and left alone otherwise. Non-object members are left alone.
    mutating func edit(_ key: String, create: Bool = false, _ body: (inout JSONValue) -> Void) {
        guard object != nil else { return }
        var child = self[key] ?? .null
        if child.isNull {
            guard create else { return }
            child = .object([:])
        }
        guard child.object != nil else { return }
        self[key] = nil
        body(&child)
        self[key] = child
    }

    /// Edits every object item of array member `key` in place.
    mutating func editItems(_ key: String, _ body: (inout JSONValue) -> Void) {
        guard case .array(var items)? = self[key] else { return }
        self[key] = nil
        for index in items.indices where items[index].object != nil {
            body(&items[index])
        }
        self[key] = .array(items)
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
