/// A line diff in unified format: hunks of changed lines with up to `context` unchanged lines around
/// them, as `diff -u` prints them. The edit script is the standard library's Myers difference.
public struct UnifiedDiff: Sendable, Hashable {
    /// One line of a hunk.
    public enum Line: Sendable, Hashable {
        /// A line on both sides.
        case context(String)
        /// A line only on the before side.
        case removed(String)
        /// A line only on the after side.
        case added(String)
    }

    /// A run of changes with their context.
    public struct Hunk: Sendable, Hashable {
        /// 1-based first before line (the line before the hunk, or 0, when it has no before lines).
        public var beforeStart: Int
        /// How many before lines the hunk covers.
        public var beforeCount: Int
        /// 1-based first after line (the line before the hunk, or 0, when it has no after lines).
        public var afterStart: Int
        /// How many after lines the hunk covers.
        public var afterCount: Int
        /// The lines, in order.
        public var lines: [Line]

        /// `@@ -1,7 +1,8 @@`; a count of 1 is left out, as `diff -u` does.
        public var header: String {
            "@@ -\(Self.range(beforeStart, beforeCount)) +\(Self.range(afterStart, afterCount)) @@"
        }

        private static func range(_ start: Int, _ count: Int) -> String {
            count == 1 ? "\(start)" : "\(start),\(count)"
        }
    }

    /// The hunks, in order; empty when the sides are equal.
    public var hunks: [Hunk]

    /// The diff from `before` to `after`, with `context` unchanged lines around each change.
    public init(before: [String], after: [String], context: Int = 3) {
        hunks = Self.hunks(Self.script(before: before, after: after), before: before, after: after, context: context)
    }

    /// One step of the edit script, with the 0-based indexes it covers on each side.
    private enum Step {
        case keep(Int)
        case remove(Int)
        case insert(Int)
    }

    /// The edit script: removals before insertions within a change, as `diff` prints them.
    private static func script(before: [String], after: [String]) -> [Step] {
        let difference = after.difference(from: before)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var steps: [Step] = []
        var old = 0
        var new = 0
        while old < before.count || new < after.count {
            if old < before.count, removed.contains(old) {
                steps.append(.remove(old))
                old += 1
            } else if new < after.count, inserted.contains(new) {
                steps.append(.insert(new))
                new += 1
            } else {
                steps.append(.keep(old))
                old += 1
                new += 1
            }
        }
        return steps
    }

    /// Groups the script's changes into hunks: changes at most `2 × context` unchanged lines apart
    /// share a hunk.
    private static func hunks(_ steps: [Step], before: [String], after: [String], context: Int) -> [Hunk] {
        let changes = steps.indices.filter { index in
            switch steps[index] {
            case .keep: false
            case .remove, .insert: true
            }
        }
        guard let firstChange = changes.first else { return [] }
        var groups: [ClosedRange<Int>] = []
        var groupStart = firstChange
        var groupEnd = firstChange
        for change in changes.dropFirst() {
            if change - groupEnd - 1 > 2 * context {
                groups.append(groupStart...groupEnd)
                groupStart = change
            }
            groupEnd = change
        }
        groups.append(groupStart...groupEnd)
        // Lines of each side consumed before each step.
        var consumed: [(old: Int, new: Int)] = []
        consumed.reserveCapacity(steps.count)
        var old = 0
        var new = 0
        for step in steps {
            consumed.append((old, new))
            switch step {
            case .keep: old += 1; new += 1
            case .remove: old += 1
            case .insert: new += 1
            }
        }
        return groups.map { group in
            let range = max(0, group.lowerBound - context)...min(steps.count - 1, group.upperBound + context)
            var lines: [Line] = []
            var beforeCount = 0
            var afterCount = 0
            for step in steps[range] {
                switch step {
                case .keep(let index):
                    lines.append(.context(before[index]))
                    beforeCount += 1
                    afterCount += 1
                case .remove(let index):
                    lines.append(.removed(before[index]))
                    beforeCount += 1
                case .insert(let index):
                    lines.append(.added(after[index]))
                    afterCount += 1
                }
            }
            let start = consumed[range.lowerBound]
            return Hunk(
                beforeStart: beforeCount == 0 ? start.old : start.old + 1, beforeCount: beforeCount,
                afterStart: afterCount == 0 ? start.new : start.new + 1, afterCount: afterCount, lines: lines)
        }
    }
}
