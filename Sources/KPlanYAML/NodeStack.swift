import KPlanCore

/// The tree builder's stack of finished nodes waiting for their parent collection.
///
/// Children are moved, not copied, into the parent's array when it ends: a plain `[Node]` stack would
/// retain every child to copy it out and release it again to drop it from the stack.
final class NodeStack {
    private var base: UnsafeMutablePointer<Node>
    private var capacity: Int
    /// The number of nodes on the stack.
    private(set) var count = 0

    init() {
        capacity = 256
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Pushes a finished node, taking over the caller's reference.
    func push(_ node: consuming Node) {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    /// Drops every node.
    func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }

    /// Moves the nodes from index `first` up into a new array, removing them from the stack.
    func popItems(from first: Int) -> [Node] {
        // Reserving and appending allocates through the specialised array code; building the array with
        // `init(unsafeUninitializedCapacity:)` went through a generic runtime call costing twice as much.
        guard count > first else { return [] }
        var items: [Node] = []
        items.reserveCapacity(count - first)
        for index in first..<count { items.append((base + index).move()) }
        count = first
        return items
    }

    /// Moves the nodes from index `first` up, alternately keys and values, into mapping entries.
    func popEntries(from first: Int) -> [MappingEntry] {
        var entries: [MappingEntry] = []
        entries.reserveCapacity((count - first) / 2)
        var index = first
        while index + 1 < count {
            entries.append(MappingEntry(key: (base + index).move(), value: (base + index + 1).move()))
            index += 2
        }
        if index < count { (base + index).deinitialize(count: count - index) }
        count = first
        return entries
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Node>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
