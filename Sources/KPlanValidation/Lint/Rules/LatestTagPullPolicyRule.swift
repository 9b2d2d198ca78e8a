import KPlanCore

/// Reports `latest` images that are not pulled on every start.
struct LatestTagPullPolicyRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "latest-tag-pull-policy", severity: .warning,
        summary: "Reports containers whose image resolves to `latest` but whose `imagePullPolicy` is `IfNotPresent` or `Never`, so each node keeps running whichever `latest` it pulled first.",
        remediation: "Pin the image to a version or digest, or set `imagePullPolicy: Always`.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: nginx:latest
                  imagePullPolicy: ↓IfNotPresent
                - name: tool
                  image: busybox
                  imagePullPolicy: ↓Never
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: "nginx:latest", imagePullPolicy: Always}
                - {name: tool, image: busybox}
                - {name: pinned, image: "nginx:1.27", imagePullPolicy: IfNotPresent}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for container in pod.containers {
            guard container.imageReference?.isLatest == true, let image = container.image?.string,
                  let policy = container.node["imagePullPolicy"], let value = policy.string,
                  value == "IfNotPresent" || value == "Never"
            else { continue }
            findings.append(LintFinding(
                "\(container.label) runs \"\(image)\" with imagePullPolicy \(value), so nodes keep a stale image", at: policy))
        }
    }
}
