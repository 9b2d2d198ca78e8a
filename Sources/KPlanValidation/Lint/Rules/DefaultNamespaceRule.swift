import KPlanCore

/// Reports namespaced objects placed in the `default` namespace.
struct DefaultNamespaceRule: LintObjectRule {
    static let description = LintRuleDescription(
        id: "default-namespace", severity: .info, enabledByDefault: false,
        summary: "Reports namespaced objects that name the `default` namespace or, written without `metadata.namespace`, land in it when applied with the default namespace. Off by default: many manifests are deliberately namespace-agnostic.",
        remediation: "Put the object in a dedicated namespace.",
        triggeringExamples: [
            """
            apiVersion: v1
            kind: ConfigMap
            ↓metadata: {name: settings}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: ↓default
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader}
            rules: []
            """,
        ])

    func check(_ subject: LintSubject, into findings: inout [LintFinding]) {
        let resource = subject.resource
        let context = subject.context
        guard context.isNamespaced(resource.gvk), context.namespace(of: resource) == "default",
              let metadata = resource.node.entry("metadata")
        else { return }
        if let namespace = metadata.value["namespace"], !namespace.isNull {
            findings.append(LintFinding("\(resource.displayName) is in the default namespace", at: namespace))
        } else {
            findings.append(LintFinding("\(resource.displayName) names no namespace and lands in \"default\"", at: metadata.key))
        }
    }
}
