extension JSONValue {
    /// Sets (or with nil removes) the value at a path of object keys, creating empty objects on the
    /// way. Does nothing when a step on the path exists and is not an object.
    public mutating func set(_ newValue: JSONValue?, at path: [String]) {
        set(newValue, at: path[...])
    }

    /// Changes nested members in place, so no level of the object is copied.
    private mutating func set(_ newValue: JSONValue?, at path: ArraySlice<String>) {
        guard let first = path.first else {
            if let newValue { self = newValue }
            return
        }
        guard case .object(var members) = self else { return }
        self = .null
        let rest = path.dropFirst()
        if rest.isEmpty {
            members[first] = newValue
        } else if members[first] != nil {
            members[first]!.set(newValue, at: rest)
        } else if newValue != nil {
            var child = JSONValue.object([:])
            child.set(newValue, at: rest)
            members[first] = child
        }
        self = .object(members)
    }
}
