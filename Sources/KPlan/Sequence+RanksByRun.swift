extension Sequence {
    /// `rank(key(element))` for every element, with `rank` called once per run of consecutive elements
    /// with the same key: diagnostics and identities come grouped by file, so a file is looked up
    /// once per run rather than once per element.
    func ranksByRun(of key: (Element) -> String, _ rank: (String) -> Int) -> [Int] {
        var ranks: [Int] = []
        ranks.reserveCapacity(underestimatedCount)
        var previousKey: String?
        var current = 0
        for element in self {
            let elementKey = key(element)
            if elementKey != previousKey {
                current = rank(elementKey)
                previousKey = elementKey
            }
            ranks.append(current)
        }
        return ranks
    }
}
