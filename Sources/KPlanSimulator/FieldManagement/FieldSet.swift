import KPlanCore

/// A set of field paths, kept as a trie the way structured-merge-diff's `fieldpath.Set` is: at each
/// level the steps that end a path in the set (`members`) and the steps that lead further (`children`).
/// A step can be both: `.spec.containers[name="app"]` itself and its `.image` are both in the set.
///
/// Both levels are arrays sorted by step (structured-merge-diff's `PathElementSet` and `SetNodeMap`):
/// set operations merge them in one pass and lookups search them, without hashing.
public struct FieldSet: Sendable, Hashable {
    /// A step below which the set holds more paths.
    public struct Child: Sendable, Hashable {
        /// The step.
        public var element: FieldPath.Element
        /// The paths below the step; never empty.
        public var set: FieldSet
    }

    /// Steps at this level that end a path in the set, sorted, without repeats.
    public private(set) var members: [FieldPath.Element]
    /// Steps at this level below which the set holds more paths, sorted by step, without repeats;
    /// never empty sets.
    public private(set) var children: [Child]

    /// The empty set.
    public init() {
        members = []
        children = []
    }

    /// The set of these paths (the empty path, the whole object, is not tracked, as in Kubernetes).
    public init(_ paths: some Sequence<FieldPath>) {
        self.init()
        for path in paths { insert(path) }
    }

    /// A set of already sorted, repeat-free members and children with no empty set among them.
    init(sortedMembers: [FieldPath.Element], sortedChildren: [Child]) {
        members = sortedMembers
        children = sortedChildren
    }

    /// A set of members and children in any order: sorted here, repeated members dropped and the
    /// sets of a repeated child step united, empty child sets dropped.
    init(unsortedMembers: [FieldPath.Element], unsortedChildren: [Child]) {
        var members = unsortedMembers
        members.sort()
        var uniqueMembers: [FieldPath.Element] = []
        uniqueMembers.reserveCapacity(members.count)
        for member in members where uniqueMembers.last != member {
            uniqueMembers.append(member)
        }
        var children = unsortedChildren
        children.sort { $0.element < $1.element }
        var uniqueChildren: [Child] = []
        uniqueChildren.reserveCapacity(children.count)
        for child in children where !child.set.isEmpty {
            if let last = uniqueChildren.last, last.element == child.element {
                uniqueChildren[uniqueChildren.count - 1].set = last.set.union(child.set)
            } else {
                uniqueChildren.append(child)
            }
        }
        self.init(sortedMembers: uniqueMembers, sortedChildren: uniqueChildren)
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
            insertMember(first)
            return
        }
        let (index, found) = Self.search(children, for: first)
        if found {
            children[index].set.insert(elements.dropFirst())
        } else {
            var below = FieldSet()
            below.insert(elements.dropFirst())
            children.insert(Child(element: first, set: below), at: index)
        }
    }

    /// Whether the set holds exactly this path.
    public func contains(_ path: FieldPath) -> Bool {
        guard let last = path.elements.last else { return false }
        var set = self
        for element in path.elements.dropLast() {
            set = set.child(element)
        }
        return set.hasMember(last)
    }

    /// Whether `element` is a member at this level.
    func hasMember(_ element: FieldPath.Element) -> Bool {
        Self.search(members, for: element).found
    }

    /// The paths below one step (an empty set when there are none).
    public func child(_ element: FieldPath.Element) -> FieldSet {
        let (index, found) = Self.search(children, for: element)
        return found ? children[index].set : FieldSet()
    }

    /// Paths in either set.
    public func union(_ other: FieldSet) -> FieldSet {
        if other.isEmpty { return self }
        if isEmpty { return other }
        var children: [Child] = []
        children.reserveCapacity(self.children.count + other.children.count)
        Self.merge(self.children, other.children) { mine, theirs in
            switch (mine, theirs) {
            case (let mine?, let theirs?): children.append(Child(element: mine.element, set: mine.set.union(theirs.set)))
            case (let mine?, nil): children.append(mine)
            case (nil, let theirs?): children.append(theirs)
            case (nil, nil): break
            }
        }
        return FieldSet(sortedMembers: Self.uniting(members, other.members), sortedChildren: children)
    }

    /// Paths in both sets.
    public func intersection(_ other: FieldSet) -> FieldSet {
        var members: [FieldPath.Element] = []
        Self.merge(self.members, other.members) { mine, theirs in
            if let mine, theirs != nil { members.append(mine) }
        }
        var children: [Child] = []
        Self.merge(self.children, other.children) { mine, theirs in
            guard let mine, let theirs else { return }
            let common = mine.set.intersection(theirs.set)
            if !common.isEmpty { children.append(Child(element: mine.element, set: common)) }
        }
        return FieldSet(sortedMembers: members, sortedChildren: children)
    }

    /// Paths of this set that are not themselves in `other` (paths below one of `other`'s stay).
    public func difference(_ other: FieldSet) -> FieldSet {
        removing(other, withPathsBelow: false)
    }

    /// Paths of this set that are neither in `other` nor below one of its paths.
    public func recursiveDifference(_ other: FieldSet) -> FieldSet {
        removing(other, withPathsBelow: true)
    }

    /// Paths of this set not in `other`; with `withPathsBelow`, also none below a member of `other`.
    private func removing(_ other: FieldSet, withPathsBelow: Bool) -> FieldSet {
        if isEmpty || other.isEmpty { return self }
        var children: [Child] = []
        children.reserveCapacity(self.children.count)
        Self.merge(self.children, other.children) { mine, theirs in
            guard let mine, !(withPathsBelow && other.hasMember(mine.element)) else { return }
            guard let theirs else {
                children.append(mine)
                return
            }
            let rest = mine.set.removing(theirs.set, withPathsBelow: withPathsBelow)
            if !rest.isEmpty { children.append(Child(element: mine.element, set: rest)) }
        }
        return FieldSet(sortedMembers: Self.subtracting(members, other.members), sortedChildren: children)
    }

    /// The paths of the set with nothing of the set below them.
    public var leaves: FieldSet {
        var members: [FieldPath.Element] = []
        Self.merge(self.members, children) { member, child in
            if let member, child == nil { members.append(member) }
        }
        var children: [Child] = []
        for child in self.children {
            let below = child.set.leaves
            if !below.isEmpty { children.append(Child(element: child.element, set: below)) }
        }
        return FieldSet(sortedMembers: members, sortedChildren: children)
    }

    /// Every path, in the order Kubernetes iterates a set: at each level the members in order, then
    /// the paths below each child in order.
    public var paths: [FieldPath] {
        var result: [FieldPath] = []
        collect(prefix: [], into: &result)
        return result
    }

    private func collect(prefix: [FieldPath.Element], into result: inout [FieldPath]) {
        for member in members { result.append(FieldPath(prefix + [member])) }
        for child in children {
            child.set.collect(prefix: prefix + [child.element], into: &result)
        }
    }

    /// Adds `element` as a member at this level.
    private mutating func insertMember(_ element: FieldPath.Element) {
        let (index, found) = Self.search(members, for: element)
        if !found { members.insert(element, at: index) }
    }
}
