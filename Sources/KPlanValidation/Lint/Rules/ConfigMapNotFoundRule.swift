import KPlanCore

/// Reports references to ConfigMaps missing from the input.
struct ConfigMapNotFoundRule: LintSetRule {
    static let description = LintRuleDescription(
        id: "configmap-not-found", severity: .warning,
        summary: "Reports pods that reference a ConfigMap (env, envFrom, volumes) not defined in the input. Only checked when the input defines at least one ConfigMap in that namespace, so ConfigMaps managed elsewhere are not reported; optional references are ignored.",
        remediation: "Add the ConfigMap to the input, fix the name, or mark the reference `optional: true`.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {mode: fast}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: web:1.0
                      envFrom:
                        - configMapRef: {name: settings}
                        - configMapRef: {name: ↓setings}
                  volumes:
                    - name: config
                      projected:
                        sources:
                          - configMap: {name: ↓web-config}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: other, namespace: elsewhere}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: "web:1.0"}
              volumes:
                - name: config
                  configMap: {name: web-config}
                - name: extra
                  configMap: {name: extra, optional: true}
            """,
        ])

    static let roles: Set<LintFactRole> = LintReferenceCheck.roles(.configMap)

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        LintReferenceCheck(target: .configMap).check(facts, in: set, into: &findings)
    }
}
