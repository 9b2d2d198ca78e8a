import KPlanCore

/// Reports references to Secrets missing from the input.
struct SecretNotFoundRule: LintSetRule {
    static let description = LintRuleDescription(
        id: "secret-not-found", severity: .warning,
        summary: "Reports pods that reference a Secret (env, envFrom, volumes, imagePullSecrets) not defined in the input. Only checked when the input defines at least one Secret in that namespace, so Secrets managed elsewhere are not reported; optional references are ignored.",
        remediation: "Add the Secret to the input, fix the name, or mark the reference `optional: true`.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: db}
            stringData: {password: x}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              imagePullSecrets:
                - name: ↓registry
              containers:
                - name: web
                  image: web:1.0
                  env:
                    - name: PASSWORD
                      valueFrom:
                        secretKeyRef: {name: db, key: password}
                    - name: API_KEY
                      valueFrom:
                        secretKeyRef: {name: ↓api, key: key}
              volumes:
                - name: certs
                  secret: {secretName: ↓tls}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: web:1.0
                  envFrom:
                    - secretRef: {name: managed-elsewhere}
            """,
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: prod}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: prod}
            spec:
              containers:
                - name: web
                  image: web:1.0
                  envFrom:
                    - secretRef: {name: db}
                    - secretRef: {name: extra, optional: true}
            """,
        ])

    static let roles: Set<LintFactRole> = LintReferenceCheck.roles(.secret)

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        LintReferenceCheck(target: .secret).check(facts, in: set, into: &findings)
    }
}
