import KPlanCore

/// Reports pods running as a ServiceAccount missing from the input.
struct ServiceAccountNotFoundRule: LintRule {
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

    func check(_ resource: Resource, in context: LintContext, into findings: inout [LintFinding]) {
        guard let pod = LintPodTemplate(resource),
              let nameNode = pod.spec["serviceAccountName"] ?? pod.spec["serviceAccount"],
              let name = nameNode.string, !name.isEmpty, name != "default"
        else { return }
        let namespace = context.namespace(of: resource)
        guard context.hasObjects(group: "", kind: "ServiceAccount", in: namespace),
              context.object(group: "", kind: "ServiceAccount", in: namespace, named: name) == nil
        else { return }
        findings.append(LintFinding(
            "the pod runs as ServiceAccount \"\(name)\", which is not in the input for namespace \"\(namespace)\"",
            at: nameNode))
    }
}
