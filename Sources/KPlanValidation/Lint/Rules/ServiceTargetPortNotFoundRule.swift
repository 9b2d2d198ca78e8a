import KPlanCore

/// Reports Service ports targeting a port name no selected container declares.
struct ServiceTargetPortNotFoundRule: LintSetRule {
    static let description = LintRuleDescription(
        id: "service-target-port-not-found", severity: .warning,
        summary: "Reports Service ports whose `targetPort` is a name that no container of the selected workloads declares, so traffic to that port goes nowhere. Only checked when the selector matches at least one workload in the input.",
        remediation: "Use a port name declared in the containers' `ports`, or the port number.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports:
                - {name: http, port: 80, targetPort: http}
                - {name: metrics, port: 9090, targetPort: ↓metrics}
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
                    - name: web
                      image: web:1.0
                      ports:
                        - {name: http, containerPort: 8080}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports:
                - {name: http, port: 80, targetPort: http}
                - {name: admin, port: 81, targetPort: 8081}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: web:1.0
                  ports:
                    - {name: http, containerPort: 8080}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: other}
            spec:
              selector: {app: other}
              ports:
                - {port: 80, targetPort: http}
            """,
        ])

    static let roles: Set<LintFactRole> = [.service, .workload]

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        guard case .service(let service) = facts.detail, !service.selector.isEmpty, !service.namedTargetPorts.isEmpty
        else { return }
        let selected = set.workloads(in: facts.namespace, matching: service.selector)
        guard !selected.isEmpty else { return }
        let missing = service.namedTargetPorts.filter { port in
            !selected.contains { $0.pod.portNames.contains(port.name) }
        }
        guard !missing.isEmpty else { return }
        let notes = selected.map { workload in
            Diagnostic.Note("selects the pods of \(workload.object.displayName)",
                            at: workload.object.location(workload.object.nameAnchor))
        }
        for port in missing {
            findings.append(LintFinding(
                "targetPort \"\(port.name)\" is not a port name declared by any container the Service selects",
                at: port.range, notes: notes))
        }
    }
}
