extension JSONValue {
    /// Sets (or with nil removes) the value at a path of object keys, creating empty objects on the
    /// way. Does nothing when a step on the path exists and is not an object.
    public mutating func set(_ newValue: JSONValue?, at path: [String]) {
        guard let first = path.first else {
            if let newValue { self = newValue }
            return
        }
        guard case .object(var members) = self else { return }
        self = .null
        if path.count == 1 {
            members[first] = newValue
        } else {
            var child = members[first] ?? .object([:])
            if newValue == nil && members[first] == nil {
                self = .object(members)
                return
            }
            child.set(newValue, at: Array(path.dropFirst()))
            members[first] = child
        }
        self = .object(members)
    }
}
