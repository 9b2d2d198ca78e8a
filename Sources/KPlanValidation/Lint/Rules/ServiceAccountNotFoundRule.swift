import KPlanCore

/// Reports pods running as a ServiceAccount missing from the input.
struct ServiceAccountNotFoundRule: LintSetRule {
    static let description = LintRuleDescription(
        id: "service-account-not-found", severity: .warning,
        summary: "Reports pods whose `serviceAccountName` names a ServiceAccount not defined in the input; the pods are then not created. Only checked when the input defines at least one ServiceAccount in that namespace, and never for `default`, which every namespace has.",
        remediation: "Add the ServiceAccount to the input or fix the name.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: worker, namespace: shop}
            spec:
              template:
                spec:
                  serviceAccountName: ↓worker
                  containers:
                    - {name: worker, image: "worker:1.0"}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              serviceAccountName: web
              containers:
                - {name: web, image: "web:1.0"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: plain}
            spec:
              serviceAccountName: default
              containers:
                - {name: web, image: "web:1.0"}
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              serviceAccountName: managed-elsewhere
              containers:
                - {name: web, image: "web:1.0"}
            """,
        ])

    static let roles: Set<LintFactRole> = [.workload, .serviceAccount]

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        guard case .workload(let pod) = facts.detail, let account = pod.serviceAccount,
              set.hasObjects(group: "", kind: "ServiceAccount", in: facts.namespace),
              !set.contains(group: "", kind: "ServiceAccount", in: facts.namespace, named: account.name)
        else { return }
        findings.append(LintFinding(
            "the pod runs as ServiceAccount \"\(account.name)\", which is not in the input for namespace \"\(facts.namespace)\"",
            at: account.range))
    }
}
