/// "Did you mean" suggestions for misspelt field names.
enum Suggestion {
    /// The candidate closest to `name`: a case-insensitive match, or one within a small edit distance
    /// (at most 1 for short names, 2 for names of 5+ characters, 3 for 10+).
    static func closest(to name: String, among candidates: [String]) -> String? {
        let lowered = name.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lowered }) { return same }
        let source = Array(lowered.unicodeScalars)
        let limit = source.count >= 10 ? 3 : source.count >= 5 ? 2 : 1
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let target = Array(candidate.lowercased().unicodeScalars)
            guard abs(target.count - source.count) <= limit else { continue }
            let distance = editDistance(source, target)
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
