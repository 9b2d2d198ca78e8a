import KPlanCore

/// Reports objects written with a deprecated or removed API version.
struct DeprecatedAPIVersionRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "deprecated-api-version", severity: .warning,
        summary: "Reports objects whose `apiVersion` is deprecated or no longer served (`extensions/v1beta1`, `apps/v1beta2`, `batch/v1beta1` CronJob, `policy/v1beta1` PodDisruptionBudget, `autoscaling/v2beta2`, `flowcontrol.apiserver.k8s.io/v1beta3`, …) by the configured `kubernetesVersion`, or by the newest release when none is configured, naming the replacement; and alpha or beta versions still served beside a stable one (`resource.k8s.io/v1beta1` once `resource.k8s.io/v1` exists), which Kubernetes deprecates and later removes.",
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
            ---
            apiVersion: ↓resource.k8s.io/v1beta1
            kind: DeviceClass
            metadata: {name: gpu.example.com}
            spec: {}
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

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        let context = subject.context
        let version = resource.gvk.version
        guard Self.isPreRelease(version) || LintDeprecatedAPIs.versions.contains(version),
              let node = resource.node["apiVersion"]
        else { return }
        guard let entry = LintDeprecatedAPIs.entry(apiVersion: resource.gvk.apiVersion, kind: resource.gvk.kind) else {
            checkPreReleaseBesideStable(resource, in: context, at: node, into: &findings)
            return
        }
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

    /// An alpha or beta version that the target release serves alongside a stable version of the kind.
    private func checkPreReleaseBesideStable(
        _ resource: Resource, in context: LintObjectContext, at node: Node, into findings: inout [LintFinding]
    ) {
        let gvk = resource.gvk
        guard Self.isPreRelease(gvk.version), let schemas = context.builtinSchemas else { return }
        let served = schemas.servedVersions(group: gvk.group, kind: gvk.kind)
        guard served.contains(gvk.version), let stable = served.filter({ !Self.isPreRelease($0) }).max() else { return }
        let replacement = gvk.group.isEmpty ? stable : "\(gvk.group)/\(stable)"
        findings.append(LintFinding(
            "\(gvk.apiVersion) \(gvk.kind) is a pre-release API that Kubernetes \(schemas.version) serves beside the stable \(replacement); pre-release versions are deprecated once a stable one exists and removed later; use \(replacement)",
            at: node))
    }

    /// Whether `version` contains `alpha` or `beta`, read over its UTF-8 bytes in place: every object
    /// asks, and most versions are a few bytes without an `a` or a `b`.
    private static func isPreRelease(_ version: String) -> Bool {
        var text = version
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "a"): if bytes[index...].starts(with: "alpha".utf8) { return true }
                case UInt8(ascii: "b"): if bytes[index...].starts(with: "beta".utf8) { return true }
                default: continue
                }
            }
            return false
        }
    }
}
