import KPlanCore

/// Reports Ingress backends naming Services missing from the input.
struct IngressBackendNotFoundRule: LintSetRule {
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

    static let roles: Set<LintFactRole> = [.ingress, .service]

    func check(_ facts: LintObjectFacts, in set: LintFactSet, into findings: inout [LintFinding]) {
        guard case .ingress(let backends) = facts.detail, !backends.isEmpty,
              set.hasObjects(group: "", kind: "Service", in: facts.namespace)
        else { return }
        for backend in backends where !set.contains(group: "", kind: "Service", in: facts.namespace, named: backend.name) {
            findings.append(LintFinding(
                "the backend names Service \"\(backend.name)\", which is not in the input for namespace \"\(facts.namespace)\"",
                at: backend.range))
        }
    }
}
