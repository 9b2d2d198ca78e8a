import KPlanCore

/// Reports pods without a priority class.
struct MissingPriorityClassRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "missing-priority-class", severity: .info, enabledByDefault: false,
        summary: "Reports pods without `priorityClassName`, which get the cluster's default priority and may be preempted before less important pods. Off by default.",
        remediation: "Set `priorityClassName` to a PriorityClass that reflects the workload's importance.",
        triggeringExamples: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                ↓spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  priorityClassName: business-critical
                  containers:
                    - {name: web, image: "web:1.0"}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        guard let pod = subject.pod else { return }
        if let name = pod.spec["priorityClassName"]?.string, !name.isEmpty { return }
        findings.append(LintFinding("the pod has no priorityClassName", at: lintPodSpecKey(of: resource) ?? pod.spec))
    }
}
