import KPlanCore

/// Reports containers that may run as root.
struct RunAsRootRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "run-as-root", severity: .warning,
        summary: "Reports containers that may run as root: `runAsUser: 0`, `runAsNonRoot: false`, or neither `runAsNonRoot: true` nor a non-zero `runAsUser` in the container's or the pod's security context.",
        remediation: "Set `securityContext.runAsNonRoot: true` (on the pod or the container) and run the image as a non-root user.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - ↓name: web
                  image: nginx:1.27
                - name: admin
                  image: tool:1.0
                  securityContext: {runAsUser: ↓0}
                - name: explicit
                  image: tool:1.0
                  securityContext: {runAsNonRoot: ↓false}
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  securityContext: {runAsNonRoot: true}
                  containers:
                    - name: web
                      image: nginx:1.27
                      securityContext: {runAsUser: ↓0}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {runAsNonRoot: true}
              containers:
                - {name: web, image: "nginx:1.27"}
                - name: uid
                  image: tool:1.0
                  securityContext: {runAsUser: 1000, runAsNonRoot: false}
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        guard let pod = subject.pod else { return }
        for container in pod.containers {
            let user = lintEffectiveSecurityField("runAsUser", of: container, in: pod)
            let nonRoot = lintEffectiveSecurityField("runAsNonRoot", of: container, in: pod)
            if let user, user.int == 0 {
                findings.append(LintFinding("\(container.label) runs as root (runAsUser 0)", at: user))
            } else if let uid = user?.int, uid > 0 {
                continue
            } else if let nonRoot, nonRoot.bool == false {
                findings.append(LintFinding("\(container.label) is allowed to run as root (runAsNonRoot false)", at: nonRoot))
            } else if nonRoot?.bool != true {
                findings.append(LintFinding(
                    "\(container.label) may run as root: neither runAsNonRoot nor a non-zero runAsUser is set",
                    at: container.anchor))
            }
        }
    }
}
