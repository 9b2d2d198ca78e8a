import KPlanCore

/// Reports Ingress backends naming Services missing from the input.
struct IngressBackendNotFoundRule: LintRule {
    static let description = LintRuleDescription(
        id: "ingress-backend-not-found", severity: .warning,
        summary: "Reports Ingress backends (default backend and rule paths) naming a Service not defined in the input, which makes the Ingress answer 503. Only checked when the input defines at least one Service in the Ingress's namespace.",
        remediation: "Fix the backend's service name, or add the Service to the input.",
        triggeringExamples: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              defaultBackend:
                service: {name: ↓fallback, port: {number: 80}}
              rules:
                - host: shop.example.com
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service: {name: web, port: {number: 80}}
                      - path: /api
                        pathType: Prefix
                        backend:
                          service: {name: ↓api, port: {name: http}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{port: 80}]
            """,
            """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: {name: legacy}
            spec:
              backend: {serviceName: ↓legacy, servicePort: 80}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{port: 80}]
            """,
        ],
        nonTriggeringExamples: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              rules:
                - http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service: {name: web, port: {number: 80}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{port: 80}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: remote, namespace: edge}
            spec:
              defaultBackend:
                service: {name: remote, port: {number: 80}}
            """,
        ])

    func check(_ resource: Resource, in context: LintContext, into findings: inout [LintFinding]) {
        guard resource.gvk.group == "networking.k8s.io" || resource.gvk.group == "extensions",
              resource.gvk.kind == "Ingress", let spec = resource.node["spec"]
        else { return }
        let namespace = context.namespace(of: resource)
        guard context.hasObjects(group: "", kind: "Service", in: namespace) else { return }
        var backends: [Node] = []
        if let backend = spec["defaultBackend"] ?? spec["backend"] { backends.append(backend) }
        for rule in spec["rules"]?.items ?? [] {
            for path in rule[path: "http", "paths"]?.items ?? [] {
                if let backend = path["backend"] { backends.append(backend) }
            }
        }
        for backend in backends {
            guard let nameNode = backend[path: "service", "name"] ?? backend["serviceName"], let name = nameNode.string,
                  context.object(group: "", kind: "Service", in: namespace, named: name) == nil
            else { continue }
            findings.append(LintFinding(
                "the backend names Service \"\(name)\", which is not in the input for namespace \"\(namespace)\"",
                at: nameNode))
        }
    }
}
