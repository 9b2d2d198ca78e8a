/// A schema's property positions grouped by the length of their names in UTF-8 bytes.
///
/// A lookup compares the name with the few property names of its length instead of hashing it (hashing
/// cost more than the whole walk step of most fields). Names are told apart by their bytes' length
/// first, as Kubernetes' decoder compares bytes. A repeated name finds its last position.
struct SchemaPropertyIndex: Sendable {
    /// `byLength[n]` holds the positions of the names `n` bytes long, ascending.
    private var byLength: [[Int]] = []

    /// An index of `names`.
    init(_ names: [String]) {
        for (position, name) in names.enumerated() { add(name, at: position) }
    }

    /// Adds `name` at `position`, after every position added before.
    mutating func add(_ name: String, at position: Int) {
        let length = name.utf8.count
        if length >= byLength.count { byLength += Array(repeating: [], count: length + 1 - byLength.count) }
        byLength[length].append(position)
    }

    /// The last position of `name` in `names` (the array this index was built from).
    func position(of name: String, in names: [String]) -> Int? {
        let length = name.utf8.count
        guard length < byLength.count else { return nil }
        let candidates = byLength[length]
        var index = candidates.endIndex
        while index > candidates.startIndex {
            index -= 1
            if names[candidates[index]] == name { return candidates[index] }
        }
        return nil
    }
}
