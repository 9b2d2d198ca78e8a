import KPlanCore

/// A Kubernetes label selector: `matchLabels` plus `matchExpressions`, or a Service's plain map.
struct LintLabelSelector: Sendable {
    /// One `matchExpressions` requirement.
    struct Requirement: Sendable {
        /// The operators a requirement may use.
        enum Operator: String, Sendable {
            case `in` = "In"
            case notIn = "NotIn"
            case exists = "Exists"
            case doesNotExist = "DoesNotExist"
        }

        let key: String
        let op: Operator
        let values: Set<String>

        func matches(_ labels: LintLabels) -> Bool {
            switch op {
            case .in: labels[key].map { values.contains($0) } ?? false
            case .notIn: labels[key].map { !values.contains($0) } ?? true
            case .exists: labels[key] != nil
            case .doesNotExist: labels[key] == nil
            }
        }
    }

    /// Labels that must be present with these values.
    let matchLabels: LintLabels
    /// Further requirements.
    let requirements: [Requirement]

    /// A selector matching exactly the labels of `map` (a Service's `spec.selector`).
    init(equalityMap map: Node?) {
        matchLabels = LintLabels(map)
        requirements = []
    }

    /// A `LabelSelector` (`matchLabels`, `matchExpressions`); nil when an operator is unknown, since
    /// such a selector's meaning cannot be judged.
    init?(labelSelector node: Node?) {
        matchLabels = LintLabels(node?["matchLabels"])
        var requirements: [Requirement] = []
        for item in node?["matchExpressions"]?.items ?? [] {
            guard let key = item["key"]?.scalar?.text,
                  let op = item["operator"]?.string.flatMap(Requirement.Operator.init(rawValue:))
            else { return nil }
            let values = Set((item["values"]?.items ?? []).compactMap { $0.scalar?.text })
            requirements.append(Requirement(key: key, op: op, values: values))
        }
        self.requirements = requirements
    }

    /// True when the selector has no terms (a LabelSelector that then selects every pod).
    var isEmpty: Bool { matchLabels.isEmpty && requirements.isEmpty }

    /// Whether `labels` satisfy every term.
    func matches(_ labels: LintLabels) -> Bool {
        for label in matchLabels.pairs where labels[label.key] != label.value { return false }
        return requirements.allSatisfy { $0.matches(labels) }
    }
}
