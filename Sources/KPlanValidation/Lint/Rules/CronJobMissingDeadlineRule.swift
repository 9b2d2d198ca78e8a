import KPlanCore

/// Reports CronJobs without `startingDeadlineSeconds`.
struct CronJobMissingDeadlineRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "cronjob-missing-deadline", severity: .info,
        summary: "Reports CronJobs without `spec.startingDeadlineSeconds`: after the controller misses more than 100 schedules (during an outage, say) it stops starting the job altogether.",
        remediation: "Set `spec.startingDeadlineSeconds` to how late a run may still start.",
        triggeringExamples: [
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            ↓spec:
              schedule: "0 * * * *"
              concurrencyPolicy: Forbid
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "0 * * * *"
              startingDeadlineSeconds: 300
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        guard resource.gvk.kind == "CronJob", resource.gvk.group == "batch", let spec = resource.node.entry("spec"),
              spec.value.entries != nil, spec.value["startingDeadlineSeconds"] == nil
        else { return }
        findings.append(LintFinding("\(resource.displayName) has no startingDeadlineSeconds", at: spec.key))
    }
}
