import KPlanCore

/// Reports objects written with a deprecated or removed API version.
struct DeprecatedAPIVersionRule: LintRule {
    static let description = LintRuleDescription(
        id: "deprecated-api-version", severity: .warning,
        summary: "Reports objects whose `apiVersion` is deprecated or no longer served (`extensions/v1beta1`, `apps/v1beta2`, `batch/v1beta1` CronJob, `policy/v1beta1` PodDisruptionBudget, `autoscaling/v2beta2`, `flowcontrol.apiserver.k8s.io/v1beta3`, …) by the configured `kubernetesVersion`, or by the newest release when none is configured, naming the replacement.",
        remediation: "Move the object to the replacement `apiVersion`, adapting the fields that changed.",
        triggeringExamples: [
            """
            apiVersion: ↓extensions/v1beta1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            ---
            apiVersion: ↓batch/v1beta1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "@daily"
            ---
            apiVersion: ↓rbac.authorization.k8s.io/v1beta1
            kind: ClusterRole
            metadata: {name: reader}
            rules: []
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
                  containers:
                    - {name: web, image: "web:1.0"}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "@daily"
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              maxUnavailable: 1
            """,
        ])

    func check(_ resource: Resource, in context: LintContext, into findings: inout [LintFinding]) {
        guard let entry = LintDeprecatedAPIs.entry(apiVersion: resource.gvk.apiVersion, kind: resource.gvk.kind),
              let node = resource.node["apiVersion"]
        else { return }
        let target = context.kubernetesVersion
        if let target, target < entry.deprecatedIn { return }
        let replacement = entry.replacement.map { "; use \($0)" } ?? "; it has no replacement"
        let api = "\(entry.apiVersion) \(resource.gvk.kind)"
        if let target, target < entry.removedIn {
            findings.append(LintFinding(
                "\(api) is deprecated since Kubernetes \(entry.deprecatedIn) and removed in \(entry.removedIn)\(replacement)",
                at: node))
        } else {
            findings.append(LintFinding("\(api) is no longer served since Kubernetes \(entry.removedIn)\(replacement)", at: node))
        }
    }
}
