import KPlanCore

/// Reports environment variables that look like secrets written in plain text.
struct EnvVarSecretRule: LintObjectRule {
    /// Name fragments that suggest a secret value.
    static let secretWords = ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "APIKEY", "API_KEY", "PRIVATE_KEY", "CREDENTIAL"]

    /// Name endings of variables that locate a secret rather than hold it.
    static let referenceSuffixes = ["_FILE", "_PATH", "_DIR"]

    static let description = LintRuleDescription(
        id: "env-var-secret", severity: .warning,
        summary: "Reports container environment variables whose name suggests a secret (`*PASSWORD*`, `*TOKEN*`, `*SECRET*`, `*API_KEY*`, …) and whose value is written literally in the manifest, where anyone who can read it sees the secret.",
        remediation: "Store the value in a Secret and reference it with `valueFrom.secretKeyRef`.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: web:1.0
                  env:
                    - {name: DB_PASSWORD, value: ↓hunter2}
                    - name: github_token
                      value: ↓"ghp_0123456789"
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
                  env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef: {name: db, key: password}
                    - {name: API_TOKEN, value: ""}
                    - {name: TOKEN_FILE, value: /var/run/secrets/token}
                    - {name: LOG_LEVEL, value: debug}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for container in pod.containers {
            for variable in container.node["env"]?.items ?? [] {
                guard let name = variable["name"]?.scalar?.text, let value = variable["value"],
                      let text = value.scalar?.text, !text.isEmpty, !value.isNull
                else { continue }
                let upper = name.uppercased()
                guard Self.secretWords.contains(where: { lintContains(upper, $0) }),
                      !Self.referenceSuffixes.contains(where: { upper.hasSuffix($0) })
                else { continue }
                findings.append(LintFinding(
                    "\(container.label) sets \(name) to a literal value that looks like a secret", at: value))
            }
        }
    }
}
