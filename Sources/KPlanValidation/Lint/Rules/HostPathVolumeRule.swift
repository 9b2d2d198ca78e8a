import KPlanCore

/// Reports `hostPath` volumes.
struct HostPathVolumeRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "host-path-volume", severity: .warning,
        summary: "Reports pods mounting a `hostPath` volume, which ties them to one node's filesystem and exposes that filesystem to the container.",
        remediation: "Use a PersistentVolumeClaim, `emptyDir`, ConfigMap or Secret volume instead.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: "nginx:1.27"}
              volumes:
                - name: data
                  ↓hostPath: {path: /srv/data, type: Directory}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - {name: web, image: "nginx:1.27"}
              volumes:
                - {name: scratch, emptyDir: {}}
                - name: data
                  persistentVolumeClaim: {claimName: data}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for volume in pod.spec["volumes"]?.items ?? [] {
            guard let entry = volume.entry("hostPath") else { continue }
            let name = volume["name"]?.scalar?.text ?? ""
            let path = entry.value["path"]?.scalar?.text ?? ""
            findings.append(LintFinding("volume \"\(name)\" mounts the host path \"\(path)\"", at: entry.key))
        }
    }
}
