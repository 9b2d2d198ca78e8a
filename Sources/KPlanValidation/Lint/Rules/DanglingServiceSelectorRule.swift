import KPlanCore

/// Reports Services whose selector matches no pod template of the input.
struct DanglingServiceSelectorRule: LintSetRule {
    static let description = LintRuleDescription(
        id: "dangling-service-selector", severity: .warning,
        summary: "Reports Services whose `spec.selector` matches the pod labels of no workload in the input, so they have no endpoints. Only checked when the input defines at least one workload in the Service's namespace; Services without a selector are not checked.",
        remediation: "Make the selector match the labels of the workload's pod template.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: ↓{app: web, tier: frontend}
              ports: [{port: 80}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                metadata:
                  labels: {app: web, tier: frontend}
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: external, namespace: other}
            spec:
              selector: {app: elsewhere}
              ports: [{port: 80}]
            """,
        ])

    static let roles: Set<LintFactRole> = [.service, .workload]

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        guard case .service(let service) = facts.detail, !service.selector.isEmpty,
              set.hasWorkloads(in: facts.namespace),
              !set.hasWorkloads(in: facts.namespace, matching: service.selector)
        else { return }
        findings.append(LintFinding(
            "the selector matches no workload's pods in namespace \"\(facts.namespace)\"", at: service.selectorRange))
    }
}
