import KPlanCore

/// Reports images whose tag names a moving target such as a branch.
struct MutableTagRule: LintObjectRule {
    /// Tags conventionally re-pointed at new builds.
    static let mutableTags: Set<String> = [
        "current", "dev", "develop", "development", "edge", "head", "main", "master", "nightly", "prod",
        "production", "release", "snapshot", "stable", "staging", "test", "trunk", "unstable",
    ]

    static let description = LintRuleDescription(
        id: "mutable-tag", severity: .info,
        summary: "Reports container images tagged with a name that is usually moved to new builds (`main`, `master`, `stable`, `edge`, `nightly`, `dev`, …), which, like `latest`, makes what runs unpredictable.",
        remediation: "Tag images with an immutable version or pin them by digest.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: ↓ghcr.io/acme/web:main}
                - {name: db, image: ↓postgres:Stable}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: "ghcr.io/acme/web:main-4f2a9c1"}
                - {name: db, image: "postgres:16.4"}
                - {name: cache, image: "redis:stable@sha256:0000000000000000000000000000000000000000000000000000000000000000"}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for container in pod.containers {
            guard let image = container.image, let reference = container.imageReference, reference.digestPart == nil,
                  let tag = reference.tagPart, Self.mayBeMutable(tag), Self.mutableTags.contains(tag.lowercased()),
                  let text = image.string
            else { continue }
            findings.append(LintFinding("image \"\(text)\" of \(container.label) uses the mutable tag \"\(tag)\"", at: image))
        }
    }

    /// Whether `tag` may name a mutable tag: false when it holds an ASCII byte other than a letter
    /// (a digit, `.`, `-`, `_`), as version tags do, so they are passed over without lower-casing.
    /// Other non-ASCII bytes are left to the lower-cased lookup.
    private static func mayBeMutable(_ tag: Substring) -> Bool {
        for byte in tag.utf8 where byte < 0x80 {
            guard (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") else { return false }
        }
        return true
    }
}
