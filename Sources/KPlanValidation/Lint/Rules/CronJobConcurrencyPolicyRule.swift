import KPlanCore

/// Reports CronJobs that leave `concurrencyPolicy` at `Allow`.
struct CronJobConcurrencyPolicyRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "cronjob-concurrency-policy", severity: .info,
        summary: "Reports CronJobs without an explicit `spec.concurrencyPolicy`: the default `Allow` starts a new run while the previous one is still going, and slow runs pile up.",
        remediation: "Set `spec.concurrencyPolicy` to `Forbid` or `Replace`, or to `Allow` explicitly if overlapping runs are safe.",
        triggeringExamples: [
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            ↓spec:
              schedule: "0 * * * *"
              startingDeadlineSeconds: 300
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "0 * * * *"
              concurrencyPolicy: Allow
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        guard resource.gvk.kind == "CronJob", resource.gvk.group == "batch", let spec = resource.node.entry("spec"),
              spec.value.entries != nil, spec.value["concurrencyPolicy"] == nil
        else { return }
        findings.append(LintFinding(
            "\(resource.displayName) has no concurrencyPolicy, so runs may overlap (Allow)", at: spec.key))
    }
}
