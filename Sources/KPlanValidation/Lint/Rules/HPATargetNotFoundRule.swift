import KPlanCore

/// Reports HorizontalPodAutoscalers whose target is missing from the input.
struct HPATargetNotFoundRule: LintRule {
    static let description = LintRuleDescription(
        id: "hpa-target-not-found", severity: .warning,
        summary: "Reports HorizontalPodAutoscalers whose `scaleTargetRef` names a Deployment, StatefulSet, ReplicaSet or ReplicationController not defined in the input. Only checked when the input defines at least one workload in the autoscaler's namespace; other target kinds are not checked.",
        remediation: "Fix `scaleTargetRef` (apiVersion, kind and name) to name the workload to scale.",
        triggeringExamples: [
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ↓web-app}
              minReplicas: 2
              maxReplicas: 10
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 10
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                    - {name: web, image: "web:1.0"}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: rollout}
            spec:
              scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}
              maxReplicas: 10
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: remote, namespace: other}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: remote}
              maxReplicas: 10
            """,
        ])

    func check(_ resource: Resource, in context: LintContext, into findings: inout [LintFinding]) {
        guard resource.gvk.group == "autoscaling", resource.gvk.kind == "HorizontalPodAutoscaler",
              let target = resource.node[path: "spec", "scaleTargetRef"],
              let kind = target["kind"]?.string, let nameNode = target["name"], let name = nameNode.string
        else { return }
        let group: String
        if let apiVersion = target["apiVersion"]?.string {
            group = GroupVersionKind(apiVersion: apiVersion, kind: kind).group
        } else {
            group = kind == "ReplicationController" ? "" : "apps"
        }
        guard let workloadKind = LintWorkloadKind(GroupVersionKind(group: group, version: "", kind: kind)),
              workloadKind.hasReplicas
        else { return }
        let namespace = context.namespace(of: resource)
        guard context.hasWorkloads(in: namespace),
              context.object(group: group, kind: kind, in: namespace, named: name) == nil
        else { return }
        findings.append(LintFinding(
            "scaleTargetRef names \(kind) \"\(name)\", which is not in the input for namespace \"\(namespace)\"",
            at: nameNode))
    }
}
