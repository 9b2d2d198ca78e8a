import KPlanCore

/// A few labels (`key: value`), kept as pairs sorted by key: smaller than a dictionary and as quick
/// to search for the handful of labels an object carries.
struct LintLabels: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// One label.
    struct Label: Sendable, Hashable {
        /// The label key.
        let key: String
        /// Its value.
        let value: String
    }

    /// The labels, sorted by key, each key once.
    let pairs: [Label]

    /// The labels of `pairs`; a repeated key keeps its last value, as a YAML mapping does.
    init(_ pairs: [Label]) {
        // Labels are mostly written in key order: then they are already unique and sorted.
        if zip(pairs, pairs.dropFirst()).allSatisfy({ $0.key < $1.key }) {
            self.pairs = pairs
            return
        }
        var unique: [Label] = []
        unique.reserveCapacity(pairs.count)
        for label in pairs {
            if let index = unique.firstIndex(where: { $0.key == label.key }) {
                unique[index] = label
            } else {
                unique.append(label)
            }
        }
        self.pairs = unique.sorted { $0.key < $1.key }
    }

    /// The labels of a literal.
    init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { Label(key: $0.0, value: $0.1) })
    }

    /// The string map (`labels`, `selector`) held by a mapping node; non-string scalars keep their text.
    init(_ node: Node?) {
        let entries = node?.entries ?? []
        var pairs: [Label] = []
        pairs.reserveCapacity(entries.count)
        for entry in entries {
            if let text = entry.value.scalar?.text {
                pairs.append(Label(key: StringInterner.shared.intern(entry.name), value: text))
            }
        }
        self.init(pairs)
    }

    /// True when there are no labels.
    var isEmpty: Bool { pairs.isEmpty }

    /// The value of a key, if present.
    subscript(key: String) -> String? {
        for label in pairs where label.key == key { return label.value }
        return nil
    }
}
