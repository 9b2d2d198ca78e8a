import KPlanCore

/// A boolean container security setting that rules require to be off (`privileged`) or on
/// (`readOnlyRootFilesystem`).
struct LintSecurityFlag: Sendable {
    /// The `securityContext` field.
    let field: String
    /// The value the field should have.
    let wanted: Bool
    /// Whether an absent field is also reported (pointing at the container's name).
    let reportMissing: Bool
    /// How a finding describes the problem after the container label.
    let problem: String

    /// Reports each container whose setting is not `wanted`.
    func check(_ pod: LintPodTemplate?, into findings: inout [LintFinding]) {
        guard let pod else { return }
        for container in pod.containers {
            if let value = container.securityContext?[field], !value.isNull {
                if value.bool != wanted {
                    findings.append(LintFinding("\(container.label) \(problem)", at: value))
                }
            } else if reportMissing {
                findings.append(LintFinding("\(container.label) \(problem) (\(field) is not set)", at: container.anchor))
            }
        }
    }
}
