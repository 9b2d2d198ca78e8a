import KPlanCore

/// A `metav1.LabelSelector` read from YAML, evaluated as `LabelSelectorAsSelector` and `Matches` do.
struct LabelSelector {
    /// A selector operator.
    enum Operator: String {
        case `in` = "In"
        case notIn = "NotIn"
        case exists = "Exists"
        case doesNotExist = "DoesNotExist"
    }

    /// One requirement: a key, an operator and its values.
    struct Requirement {
        /// The label key.
        var key: String
        /// How the key's value is tested.
        var op: Operator
        /// The values for `In` and `NotIn` (one value for a `matchLabels` entry).
        var values: [String]

        /// The requirement in `kubectl --selector` syntax (`app=web`, `tier in (a,b)`, `!canary`).
        var description: String {
            switch op {
            case .in where values.count == 1: "\(key)=\(values[0])"
            case .in: "\(key) in (\(values.joined(separator: ",")))"
            case .notIn: "\(key) notin (\(values.joined(separator: ",")))"
            case .exists: key
            case .doesNotExist: "!\(key)"
            }
        }

        /// Whether the value of the requirement's label (nil when the label is absent) satisfies it.
        func matches(value: String?) -> Bool {
            switch op {
            case .in: value.map(values.contains) ?? false
            case .notIn: value.map { !values.contains($0) } ?? true
            case .exists: value != nil
            case .doesNotExist: value == nil
            }
        }
    }

    /// The requirements, `matchLabels` first.
    var requirements: [Requirement]

    /// True when the selector has neither `matchLabels` nor `matchExpressions` (it selects everything).
    var isEmpty: Bool { requirements.isEmpty }

    /// Reads a selector mapping, reporting what `ValidateLabelSelector` rejects; nil when it cannot be
    /// evaluated (not a mapping, or an invalid requirement).
    static func read(_ node: Node, path: String, into report: inout SemanticReport) -> LabelSelector? {
        guard node.entries != nil else { return nil }
        var valid = true
        var requirements: [Requirement] = []
        if let matchLabels = node["matchLabels"] {
            let before = report.diagnostics.count
            MetadataCheck.checkLabels(matchLabels, path: "\(path).matchLabels", into: &report)
            if report.diagnostics.count != before { valid = false }
            for entry in matchLabels.entries ?? [] {
                requirements.append(
                    Requirement(key: entry.name, op: .in, values: [MetadataCheck.labelText(entry.value) ?? ""]))
            }
        }
        for (index, expression) in (node["matchExpressions"]?.items ?? []).enumerated() {
            guard let requirement = readRequirement(expression, path: "\(path).matchExpressions[\(index)]", into: &report)
            else {
                valid = false
                continue
            }
            requirements.append(requirement)
        }
        return valid ? LabelSelector(requirements: requirements) : nil
    }

    /// Reads one `matchExpressions` item, as `ValidateLabelSelectorRequirement` checks it.
    private static func readRequirement(
        _ node: Node, path: @autoclosure () -> String, into report: inout SemanticReport
    ) -> Requirement? {
        var valid = true
        let key = node["key"]?.string ?? ""
        if let keyNode = node["key"] {
            let errors = NameSyntax.qualifiedName(key)
            if !errors.isEmpty {
                valid = false
                report.add(
                    .error, "semantic.invalid-label-key",
                    FieldError.invalid("\(path()).key", key, errors.joined(separator: "; ")), at: keyNode)
            }
        }
        let valueNodes = node["values"]?.items ?? []
        var values: [String] = []
        for (index, valueNode) in valueNodes.enumerated() {
            let value = MetadataCheck.labelText(valueNode) ?? ""
            values.append(value)
            let errors = NameSyntax.labelValue(value)
            if !errors.isEmpty {
                valid = false
                report.add(
                    .error, "semantic.invalid-label-value",
                    FieldError.invalid("\(path()).values[\(index)]", value, errors.joined(separator: "; ")), at: valueNode)
            }
        }
        guard let operatorNode = node["operator"], let text = operatorNode.string else { return nil }
        guard let op = Operator(rawValue: text) else {
            report.add(
                .error, "semantic.invalid-selector",
                FieldError.invalid("\(path()).operator", text, "not a valid selector operator"), at: operatorNode)
            return nil
        }
        switch op {
        case .in, .notIn:
            if values.isEmpty {
                valid = false
                report.add(
                    .error, "semantic.invalid-selector",
                    FieldError.required("\(path()).values", "must be specified when `operator` is 'In' or 'NotIn'"),
                    at: node.entry("values")?.key ?? operatorNode)
            }
        case .exists, .doesNotExist:
            if !values.isEmpty {
                valid = false
                report.add(
                    .error, "semantic.invalid-selector",
                    FieldError.forbidden("\(path()).values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
                    at: node.entry("values")?.key ?? operatorNode)
            }
        }
        return valid ? Requirement(key: key, op: op, values: values) : nil
    }
}
