import KPlanCore

/// Reports Jobs that are never cleaned up.
struct JobMissingTTLRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "job-missing-ttl", severity: .info,
        summary: "Reports Jobs without `spec.ttlSecondsAfterFinished`, which stay in the cluster with their pods after finishing until someone deletes them. Jobs created by CronJobs are cleaned up by their history limits and are not checked.",
        remediation: "Set `spec.ttlSecondsAfterFinished` so finished Jobs are deleted automatically.",
        triggeringExamples: [
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            ↓spec:
              backoffLimit: 2
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - {name: migrate, image: "migrate:1.0"}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              ttlSecondsAfterFinished: 3600
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - {name: migrate, image: "migrate:1.0"}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "@daily"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                        - {name: report, image: "report:1.0"}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        guard resource.gvk.kind == "Job", resource.gvk.group == "batch", let spec = resource.node.entry("spec"),
              spec.value.entries != nil, spec.value["ttlSecondsAfterFinished"] == nil
        else { return }
        findings.append(LintFinding("\(resource.displayName) has no ttlSecondsAfterFinished", at: spec.key))
    }
}
