import KPlanCore

/// What a missing-resources rule looks for: `requests` or `limits` of `cpu` or `memory`.
struct LintResourceRequirement: Sendable {
    /// `requests` or `limits`.
    let section: String
    /// `cpu` or `memory`.
    let resourceName: String

    /// Reports each regular or init container lacking the value; ephemeral containers cannot have
    /// resources and are skipped.
    func check(_ pod: LintPodTemplate?, into findings: inout [LintFinding]) {
        guard let pod else { return }
        for container in pod.containers where container.role != .ephemeralContainer {
            let value = container.node["resources"]?[section]?[resourceName]
            if let value, !value.isNull { continue }
            let singular = section == "requests" ? "request" : "limit"
            let anchor = container.node["resources"].flatMap { $0.entries == nil ? nil : $0.entry(section)?.key }
                ?? container.anchor
            findings.append(LintFinding("\(container.label) has no \(resourceName) \(singular)", at: anchor))
        }
    }
}
