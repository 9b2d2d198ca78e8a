import KPlanCore

/// A set of field paths, kept as a trie the way structured-merge-diff's `fieldpath.Set` is: at each
/// level the steps that end a path in the set (`members`) and the steps that lead further (`children`).
/// A step can be both: `.spec.containers[name="app"]` itself and its `.image` are both in the set.
public struct FieldSet: Sendable, Hashable {
    /// Steps at this level that end a path in the set.
    public private(set) var members: Set<FieldPath.Element>
    /// Steps at this level below which the set holds more paths; never empty sets.
    public private(set) var children: [FieldPath.Element: FieldSet]

    /// The empty set.
    public init() {
        members = []
        children = [:]
    }

    /// The set of these paths (the empty path, the whole object, is not tracked, as in Kubernetes).
    public init(_ paths: some Sequence<FieldPath>) {
        self.init()
        for path in paths { insert(path) }
    }

    /// Whether the set holds no path.
    public var isEmpty: Bool { members.isEmpty && children.isEmpty }

    /// Adds a path; the empty path is ignored.
    public mutating func insert(_ path: FieldPath) {
        insert(path.elements[...])
    }

    private mutating func insert(_ elements: ArraySlice<FieldPath.Element>) {
        guard let first = elements.first else { return }
        if elements.count == 1 {
            members.insert(first)
        } else {
            children[first, default: FieldSet()].insert(elements.dropFirst())
        }
    }

    /// Whether the set holds exactly this path.
    public func contains(_ path: FieldPath) -> Bool {
        var set = self
        for (position, element) in path.elements.enumerated() {
            if position == path.elements.count - 1 { return set.members.contains(element) }
            guard let child = set.children[element] else { return false }
            set = child
        }
        return false
    }

    /// The paths below one step (an empty set when there are none).
    public func child(_ element: FieldPath.Element) -> FieldSet {
        children[element] ?? FieldSet()
    }

    /// Paths in either set.
    public func union(_ other: FieldSet) -> FieldSet {
        var result = self
        result.members.formUnion(other.members)
        for (element, set) in other.children {
            result.children[element] = result.children[element].map { $0.union(set) } ?? set
        }
        return result
    }

    /// Paths in both sets.
    public func intersection(_ other: FieldSet) -> FieldSet {
        var result = FieldSet()
        result.members = members.intersection(other.members)
        for (element, set) in children {
            guard let theirs = other.children[element] else { continue }
            let common = set.intersection(theirs)
            if !common.isEmpty { result.children[element] = common }
        }
        return result
    }

    /// Paths of this set that are not themselves in `other` (paths below one of `other`'s stay).
    public func difference(_ other: FieldSet) -> FieldSet {
        var result = FieldSet()
        result.members = members.subtracting(other.members)
        for (element, set) in children {
            if let theirs = other.children[element] {
                let rest = set.difference(theirs)
                if !rest.isEmpty { result.children[element] = rest }
            } else {
                result.children[element] = set
            }
        }
        return result
    }

    /// Paths of this set that are neither in `other` nor below one of its paths.
    public func recursiveDifference(_ other: FieldSet) -> FieldSet {
        var result = FieldSet()
        result.members = members.subtracting(other.members)
        for (element, set) in children where !other.members.contains(element) {
            if let theirs = other.children[element] {
                let rest = set.recursiveDifference(theirs)
                if !rest.isEmpty { result.children[element] = rest }
            } else {
                result.children[element] = set
            }
        }
        return result
    }

    /// The paths of the set with nothing of the set below them.
    public var leaves: FieldSet {
        var result = FieldSet()
        result.members = members.filter { children[$0] == nil }
        for (element, set) in children {
            let below = set.leaves
            if !below.isEmpty { result.children[element] = below }
        }
        return result
    }

    /// Every path, in the order Kubernetes iterates a set: at each level the members in order, then
    /// the paths below each child in order.
    public var paths: [FieldPath] {
        var result: [FieldPath] = []
        collect(prefix: [], into: &result)
        return result
    }

    private func collect(prefix: [FieldPath.Element], into result: inout [FieldPath]) {
        for member in members.sorted() { result.append(FieldPath(prefix + [member])) }
        for element in children.keys.sorted() {
            children[element]!.collect(prefix: prefix + [element], into: &result)
        }
    }

    /// Adds `element` as a member at this level.
    mutating func insertMember(_ element: FieldPath.Element) {
        members.insert(element)
    }

    /// Replaces the paths below `element`.
    mutating func setChild(_ element: FieldPath.Element, _ set: FieldSet) {
        children[element] = set.isEmpty ? nil : set
    }
}
