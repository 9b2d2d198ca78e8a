import KPlanCore

/// Reports Service ports targeting a port name no selected container declares.
struct ServiceTargetPortNotFoundRule: LintRule {
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

    func check(_ resource: Resource, in context: LintContext, into findings: inout [LintFinding]) {
        guard resource.gvk.group.isEmpty, resource.gvk.kind == "Service",
              let selectorNode = resource.node[path: "spec", "selector"], selectorNode.entries != nil
        else { return }
        let selector = LintLabelSelector(equalityMap: selectorNode)
        guard !selector.isEmpty else { return }
        let selected = context.workloads(in: context.namespace(of: resource), matching: selector)
        guard !selected.isEmpty else { return }
        var declared: Set<String> = []
        for pod in selected {
            for container in pod.containers {
                for port in container.node["ports"]?.items ?? [] {
                    if let name = port["name"]?.string { declared.insert(name) }
                }
            }
        }
        let notes = selected.map { workload in
            Diagnostic.Note("selects the pods of \(workload.resource.displayName)",
                            at: workload.resource.location(of: lintNameAnchor(workload.resource)))
        }
        for port in resource.node[path: "spec", "ports"]?.items ?? [] {
            guard let target = port["targetPort"], let name = target.string, !declared.contains(name) else { continue }
            findings.append(LintFinding(
                "targetPort \"\(name)\" is not a port name declared by any container the Service selects", at: target,
                notes: notes))
        }
    }
}
