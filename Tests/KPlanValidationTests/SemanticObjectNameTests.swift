import KPlanCore
import Testing

@testable import KPlanValidation

@Suite struct SemanticObjectNameTests {
    @Test func subdomainNameIsCheckedAtTheValue() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: My_Config
            """)
        let diagnostic = try #require(diagnostics(found, code: "semantic.invalid-name").first)
        #expect(start(diagnostic) == "4:9")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.object == "ConfigMap My_Config")
        #expect(diagnostic.message.hasPrefix("metadata.name: Invalid value: \"My_Config\": a lowercase RFC 1123 subdomain"))
    }

    @Test(arguments: [
        ("v1", "Namespace", "a.b", false), ("v1", "Service", "1web", false), ("v1", "Service", "web-1", true),
        ("apps/v1", "StatefulSet", "db.main", false), ("apps/v1", "Deployment", "web.main", true),
        ("rbac.authorization.k8s.io/v1", "ClusterRole", "system:Admin", true),
        ("rbac.authorization.k8s.io/v1", "Role", "a/b", false), ("example.com/v1", "Widget", "w.1", true),
    ])
    func nameRuleFollowsTheKind(_ apiVersion: String, _ kind: String, _ name: String, _ valid: Bool) throws {
        let found = try semanticCheck("apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata:\n  name: \"\(name)\"\n")
        #expect(diagnostics(found, code: "semantic.invalid-name").isEmpty == valid)
    }

    @Test func cronJobNamesStopAt52Characters() throws {
        let name = String(repeating: "c", count: 53)
        let found = try semanticCheck("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: \(name)\n")
        let diagnostic = try #require(diagnostics(found, code: "semantic.invalid-name").first)
        #expect(diagnostic.message.hasSuffix("must be no more than 52 characters"))
    }

    @Test func missingNameAndGenerateNamePointsAtMetadata() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              labels: {app: web}
            """)
        let diagnostic = try #require(diagnostics(found, code: "semantic.missing-name").first)
        #expect(start(diagnostic) == "3:1")
        #expect(diagnostic.message == "metadata.name: Required value: name or generateName is required")
    }

    @Test func generateNameMayEndInADash() throws {
        let valid = try semanticCheck("apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: web-\n")
        #expect(valid.isEmpty)
        let invalid = try semanticCheck("apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: Web-\n")
        let diagnostic = try #require(diagnostics(invalid, code: "semantic.invalid-name").first)
        #expect(start(diagnostic) == "4:17")
        #expect(diagnostic.message.hasPrefix("metadata.generateName: Invalid value: \"Web-\""))
    }

    @Test func namespaceMustBeALabel() throws {
        let found = try semanticCheck("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: team.a\n")
        let diagnostic = try #require(diagnostics(found, code: "semantic.invalid-namespace").first)
        #expect(start(diagnostic) == "5:14")
        #expect(diagnostic.message.hasSuffix("must not contain dots"))
    }

    @Test func configMapKeysAreCheckedAtTheKey() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cfg}
            data:
              good.key: x
              bad key: y
            binaryData:
              good.key: eA==
            """)
        let invalid = diagnostics(found, code: "semantic.invalid-data-key")
        #expect(invalid.map(start) == ["6:3"])
        let duplicate = try #require(diagnostics(found, code: "semantic.duplicate-data-key").first)
        #expect(start(duplicate) == "8:3")
        #expect(duplicate.notes.first?.location?.range.start == SourcePosition(line: 5, column: 3))
    }

    @Test func secretStringDataKeysAreChecked() throws {
        let found = try semanticCheck("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  ..hidden: x\n")
        let diagnostic = try #require(diagnostics(found, code: "semantic.invalid-data-key").first)
        #expect(start(diagnostic) == "5:3")
        #expect(diagnostic.message.hasSuffix("must not start with '..'"))
    }
}
