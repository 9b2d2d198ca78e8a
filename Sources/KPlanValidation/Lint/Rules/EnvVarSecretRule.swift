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

    /// Whether a variable name contains a secret word and no reference suffix, ignoring case. ASCII
    /// names (nearly all) are matched byte by byte in place; others are upper-cased first.
    static func suggestsHeldSecret(_ name: String) -> Bool {
        let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return secretWordBytes.contains { containsIgnoringCase(bytes, $0) }
                && !referenceSuffixBytes.contains { bytes.count >= $0.count && equalIgnoringCase(bytes, $0, at: bytes.count - $0.count) }
        }
        if let result = ascii ?? nil { return result }
        let upper = name.uppercased()
        return secretWords.contains(where: { lintContains(upper, $0) })
            && !referenceSuffixes.contains(where: { upper.hasSuffix($0) })
    }

    private static let secretWordBytes = secretWords.map { Array($0.utf8) }
    private static let referenceSuffixBytes = referenceSuffixes.map { Array($0.utf8) }

    /// Whether ASCII `bytes` contain the upper-case `word` in any case.
    private static func containsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard bytes.count >= word.count else { return false }
        for start in 0...(bytes.count - word.count) where equalIgnoringCase(bytes, word, at: start) { return true }
        return false
    }

    /// Whether ASCII `bytes` from `start` are the upper-case `word` in any case.
    private static func equalIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8], at start: Int) -> Bool {
        for index in word.indices {
            let byte = bytes[start + index]
            let upper = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
            if upper != word[index] { return false }
        }
        return true
    }

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for container in pod.containers {
            for variable in container.node["env"]?.items ?? [] {
                guard let name = variable["name"]?.scalar?.text, let value = variable["value"],
                      let text = value.scalar?.text, !text.isEmpty, !value.isNull
                else { continue }
                guard Self.suggestsHeldSecret(name) else { continue }
                findings.append(LintFinding(
                    "\(container.label) sets \(name) to a literal value that looks like a secret", at: value))
            }
        }
    }
}
