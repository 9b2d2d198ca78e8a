import KPlanCore
import Testing

@testable import KPlanValidation

@Suite struct SemanticServiceTests {
    @Test func portsNeedUniqueLabelNamesWhenThereAreSeveral() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports:
              - {name: http, port: 80}
              - {port: 443}
              - {name: http, port: 8080}
              - {name: Admin, port: 9000}
            """)
        let missing = try #require(diagnostics(found, code: "semantic.missing-port-name").first)
        #expect(start(missing) == "8:5")
        #expect(missing.message.hasPrefix("spec.ports[1].name: Required value"))
        #expect(diagnostics(found, code: "semantic.duplicate-port-name").map(start) == ["9:12"])
        #expect(diagnostics(found, code: "semantic.invalid-port-name").map(start) == ["10:12"])
    }

    @Test func samePortAndProtocolTwiceIsADuplicate() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: dns}
            spec:
              ports:
              - {name: a, port: 53, protocol: UDP}
              - {name: b, port: 53}
              - {name: c, port: 53, protocol: UDP}
            """)
        let duplicate = try #require(diagnostics(found, code: "semantic.duplicate-service-port").first)
        #expect(start(duplicate) == "8:5")
        #expect(duplicate.notes.first?.location?.range.start == SourcePosition(line: 6, column: 5))
    }

    @Test func targetPortIsANumberOrAnIANAName() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports:
              - {name: a, port: 80, targetPort: http-web}
              - {name: b, port: 81, targetPort: HTTP}
              - {name: c, port: 82, targetPort: 99999}
            """)
        #expect(diagnostics(found, code: "semantic.invalid-port-name").map(start) == ["7:37"])
        #expect(diagnostics(found, code: "semantic.invalid-port-number").map(start) == ["8:37"])
    }

    @Test func nodePortIsForbiddenOnClusterIPServices() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{port: 80, nodePort: 30080}]
            """)
        let diagnostic = try #require(diagnostics(found, code: "semantic.node-port-not-allowed").first)
        #expect(start(diagnostic) == "5:32")
        let nodePortService = try semanticCheck(
            "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n")
        #expect(nodePortService.isEmpty)
    }

    @Test func headlessServicesCannotBeNodePortOrLoadBalancer() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: LoadBalancer
              clusterIP: None
              ports: [{port: 80}]
            """)
        let diagnostic = try #require(diagnostics(found, code: "semantic.headless-service-type").first)
        #expect(start(diagnostic) == "6:14")
        #expect(diagnostic.message.hasSuffix("may not be set to 'None' for LoadBalancer services"))
    }

    @Test func portsAreRequiredUnlessHeadlessOrExternalName() throws {
        let found = try semanticCheck("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n")
        #expect(diagnostics(found, code: "semantic.missing-service-ports").map(start) == ["4:1"])
        let headless = try semanticCheck("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  clusterIP: None\n")
        #expect(headless.isEmpty)
        let external = try semanticCheck(
            "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: ExternalName\n  externalName: example.com\n")
        #expect(external.isEmpty)
    }

    @Test func externalNameServicesNeedAValidNameAndNoClusterIP() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: db}
            spec:
              type: ExternalName
              clusterIP: 10.0.0.9
              externalName: DB_Host
            """)
        #expect(diagnostics(found, code: "semantic.cluster-ip-not-allowed").map(start) == ["6:14"])
        #expect(diagnostics(found, code: "semantic.invalid-external-name").map(start) == ["7:17"])
        let fullyQualified = try semanticCheck(
            "apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  type: ExternalName\n  externalName: db.example.com.\n")
        #expect(fullyQualified.isEmpty)
        let missing = try semanticCheck("apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  type: ExternalName\n")
        #expect(diagnostics(missing, code: "semantic.invalid-external-name").map(start) == ["4:1"])
    }

    @Test func selectorLabelsAreChecked() throws {
        let found = try semanticCheck(
            "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: -web}\n  ports: [{port: 80}]\n")
        let diagnostic = try #require(diagnostics(found, code: "semantic.invalid-label-value").first)
        #expect(start(diagnostic) == "5:19")
        #expect(diagnostic.message.hasPrefix("spec.selector[app]: Invalid value: \"-web\""))
    }
}
