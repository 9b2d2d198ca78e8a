import KPlanCore
import Testing

@testable import KPlanValidation

@Suite struct SemanticIngressTests {
    @Test func hostsAreDNSNamesOrWildcardsButNotAddresses() throws {
        let found = try semanticCheck(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              tls:
              - hosts: ["*.example.com", "Bad.example.com"]
              rules:
              - host: 10.0.0.1
              - host: "*.example.com"
              - host: foo.*.com
            """)
        let hosts = diagnostics(found, code: "semantic.invalid-ingress-host")
        #expect(hosts.map(start) == ["6:30", "8:11", "10:11"])
        #expect(hosts[1].message.hasSuffix("must be a DNS name, not an IP address"))
        #expect(hosts[2].message.contains("a wildcard DNS-1123 subdomain must start with '*.'"))
    }

    @Test func exactAndPrefixPathsMustBeAbsoluteAndClean() throws {
        let found = try semanticCheck(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              rules:
              - http:
                  paths:
                  - {path: api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
                  - {path: /a//b, pathType: Exact, backend: {service: {name: api, port: {number: 80}}}}
                  - {path: weird, pathType: ImplementationSpecific, backend: {service: {name: api, port: {number: 80}}}}
                  - {path: /ok, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
            """)
        let paths = diagnostics(found, code: "semantic.invalid-ingress-path")
        #expect(paths.map(start) == ["8:16", "9:16", "10:16"])
        #expect(paths[1].message.hasSuffix("must not contain '//'"))
    }

    @Test func backendsNameAServiceAndOnePort() throws {
        let found = try semanticCheck(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              defaultBackend:
                service: {name: 1api, port: {name: http}}
              rules:
              - http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: api
                        port: {name: http, number: 80}
                  - path: /b
                    pathType: Prefix
                    backend:
                      service:
                        name: api
                        port: {}
                  - path: /c
                    pathType: Prefix
                    backend:
                      service: {name: api, port: {number: 70000}}
            """)
        let backends = diagnostics(found, code: "semantic.invalid-backend")
        #expect(backends.map(start) == ["6:21", "15:26", "21:13", "25:47"])
        #expect(backends[1].message.hasSuffix("cannot set both port name & port number"))
        #expect(backends[2].message.hasSuffix("port name or number is required"))
    }
}
