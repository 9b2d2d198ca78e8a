import KPlanCore

/// What an apply would do: every desired object's change (unchanged ones included) and every
/// deletion, in wave order.
public struct Plan: Sendable, Hashable {
    /// The changes, sorted by wave then key.
    public var changes: [PlannedChange]

    /// Creates a plan; changes are sorted by wave, then key.
    public init(changes: [PlannedChange]) {
        // Sorted by wave and key alone, so the large change values are neither copied to compare
        // nor moved more than once.
        self.changes = Self.order(waves: changes.map(\.wave), keys: changes.map(\.key)).map { changes[$0] }
    }

    /// A plan of changes already in plan order (`order(waves:keys:)`).
    init(sortedChanges: [PlannedChange]) {
        changes = sortedChanges
    }

    /// The positions of changes with these waves and keys, in plan order: by wave, then key, each
    /// key as one string ordered as `ResourceKey` orders (namespace, group, kind, name: NUL sorts
    /// before any character a name can hold).
    static func order(waves: [Int], keys: [ResourceKey]) -> [Int] {
        var order: [(wave: Int, key: String, index: Int)] = []
        order.reserveCapacity(keys.count)
        for (index, (wave, key)) in zip(waves, keys).enumerated() {
            order.append((wave, [key.namespace, key.group, key.kind, key.name].joined(separator: "\0"), index))
        }
        order.sort { $0.wave != $1.wave ? $0.wave < $1.wave : $0.key < $1.key }
        return order.map(\.index)
    }

    /// How many changes have `action`.
    public func count(of action: PlanAction) -> Int {
        changes.lazy.filter { $0.action == action }.count
    }

    /// Whether applying would change anything.
    public var hasChanges: Bool { changes.contains { $0.action != .unchanged } }

    /// "Plan: 2 to create, 3 to update, 1 to delete, 14 unchanged."
    public var summary: String {
        "Plan: \(count(of: .create)) to create, \(count(of: .update)) to update, \(count(of: .delete)) to delete, "
            + "\(count(of: .unchanged)) unchanged."
    }

    /// The waves in order, each with its changes.
    public var waves: [[PlannedChange]] {
        var result: [[PlannedChange]] = []
        for change in changes {
            if result.isEmpty || result[result.count - 1][0].wave != change.wave {
                result.append([change])
            } else {
                result[result.count - 1].append(change)
            }
        }
        return result
    }
}
