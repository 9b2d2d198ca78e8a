import KPlanCore

/// Reports LoadBalancer Services open to any source address.
struct LoadBalancerSourceRangesRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "load-balancer-source-ranges", severity: .info,
        summary: "Reports Services of type `LoadBalancer` without `loadBalancerSourceRanges`, which are reachable from any address the load balancer is, usually the internet.",
        remediation: "Set `spec.loadBalancerSourceRanges` to the client networks, or make the load balancer internal.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: ↓LoadBalancer
              selector: {app: web}
              ports: [{port: 443}]
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: LoadBalancer
              loadBalancerSourceRanges: [10.0.0.0/8]
              selector: {app: web}
              ports: [{port: 443}]
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        guard resource.gvk.group.isEmpty, resource.gvk.kind == "Service", let spec = resource.node["spec"],
              let type = spec["type"], type.string == "LoadBalancer",
              (spec["loadBalancerSourceRanges"]?.items ?? []).isEmpty
        else { return }
        findings.append(LintFinding("\(resource.displayName) accepts traffic from any source address", at: type))
    }
}
