import KPlanCore

extension FieldSet {
    /// Where `element` is in a sorted level, or where it would go.
    static func search(_ level: [some FieldSetStep], for element: FieldPath.Element) -> (index: Int, found: Bool) {
        var low = 0
        var high = level.count
        while low < high {
            let middle = (low + high) / 2
            if level[middle].step < element {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return (low, low < level.count && level[low].step == element)
    }

    /// Walks two sorted levels in step order, calling `visit` once per step with the entry of
    /// each level that has it.
    static func merge<Left: FieldSetStep, Right: FieldSetStep>(_ left: [Left], _ right: [Right], _ visit: (Left?, Right?) -> Void) {
        var leftIndex = 0
        var rightIndex = 0
        while leftIndex < left.count && rightIndex < right.count {
            let mine = left[leftIndex]
            let theirs = right[rightIndex]
            if mine.step == theirs.step {
                visit(mine, theirs)
                leftIndex += 1
                rightIndex += 1
            } else if mine.step < theirs.step {
                visit(mine, nil)
                leftIndex += 1
            } else {
                visit(nil, theirs)
                rightIndex += 1
            }
        }
        while leftIndex < left.count {
            visit(left[leftIndex], nil)
            leftIndex += 1
        }
        while rightIndex < right.count {
            visit(nil, right[rightIndex])
            rightIndex += 1
        }
    }

    /// The steps of sorted `level` and of sorted `added`, sorted.
    static func uniting(_ level: [FieldPath.Element], _ added: [FieldPath.Element]) -> [FieldPath.Element] {
        if added.isEmpty { return level }
        if level.isEmpty { return added }
        var result: [FieldPath.Element] = []
        result.reserveCapacity(level.count + added.count)
        merge(level, added) { mine, theirs in
            result.append(mine ?? theirs!)
        }
        return result
    }

    /// The steps of sorted `level` not in sorted `removed`.
    static func subtracting(_ level: [FieldPath.Element], _ removed: [FieldPath.Element]) -> [FieldPath.Element] {
        if removed.isEmpty { return level }
        var result: [FieldPath.Element] = []
        result.reserveCapacity(level.count)
        merge(level, removed) { mine, theirs in
            if let mine, theirs == nil { result.append(mine) }
        }
        return result
    }
}
