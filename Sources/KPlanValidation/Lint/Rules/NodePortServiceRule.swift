import KPlanCore

/// Reports NodePort Services.
struct NodePortServiceRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "node-port-service", severity: .info,
        summary: "Reports Services of type `NodePort`, which open the port on every node of the cluster, bypassing any load balancer or ingress in front of it.",
        remediation: "Use a `ClusterIP` Service behind an Ingress or a `LoadBalancer` Service instead.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: ↓NodePort
              selector: {app: web}
              ports: [{port: 80, nodePort: 30080}]
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: ClusterIP
              selector: {app: web}
              ports: [{port: 80}]
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        guard resource.gvk.group.isEmpty, resource.gvk.kind == "Service",
              let type = resource.node["spec"]?["type"], type.string == "NodePort"
        else { return }
        findings.append(LintFinding("\(resource.displayName) is exposed on every node's port", at: type))
    }
}
