import KPlanCore

/// Reports images tagged `latest` or not tagged at all.
struct LatestTagRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "latest-tag", severity: .warning,
        summary: "Reports container images tagged `latest` or written without a tag or digest (which means `latest`): what runs changes whenever the image is pushed, and rollbacks cannot restore it.",
        remediation: "Pin the image to a version tag, or better a digest (`image@sha256:…`).",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: ↓nginx:latest
                - name: sidecar
                  image: ↓registry.example.com:5000/team/proxy
            """,
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      initContainers:
                        - {name: setup, image: ↓busybox}
                      containers:
                        - {name: report, image: "report:1.2"}
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
                    - name: web
                      image: nginx:1.27.2
                    - name: pinned
                      image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000
                    - name: registry-port
                      image: registry.example.com:5000/team/proxy:2.0
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for container in pod.containers {
            guard let image = container.image, let reference = container.imageReference, reference.isLatest,
                  let text = image.string, !text.isEmpty
            else { continue }
            let why = reference.tagPart == nil ? "has no tag, so it means \"latest\"" : "is tagged \"latest\""
            findings.append(LintFinding("image \"\(text)\" of \(container.label) \(why)", at: image))
        }
    }
}
