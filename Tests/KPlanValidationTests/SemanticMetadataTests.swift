import KPlanCore
import Testing

@testable import KPlanValidation

@Suite struct SemanticMetadataTests {
    @Test func labelKeyProblemsPointAtTheKeyAndValueProblemsAtTheValue() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels:
                Example.com/app: web
                tier: -front
                ok: ""
            """)
        let keys = diagnostics(found, code: "semantic.invalid-label-key")
        #expect(keys.map(start) == ["6:5"])
        #expect(keys.first?.message.contains("prefix part a lowercase RFC 1123 subdomain") == true)
        let values = diagnostics(found, code: "semantic.invalid-label-value")
        #expect(values.map(start) == ["7:11"])
        #expect(values.first?.message.hasPrefix("metadata.labels[tier]: Invalid value: \"-front\"") == true)
    }

    @Test func annotationKeysIgnoreCaseButNotSyntax() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                Example.COM/Note: fine
                a/b/c: bad
            """)
        #expect(diagnostics(found, code: "semantic.invalid-annotation-key").map(start) == ["7:5"])
    }

    @Test func annotationsOver256KiBAreRejected() throws {
        let big = String(repeating: "x", count: MetadataCheck.totalAnnotationSizeLimit)
        let found = try semanticCheck("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    k: \(big)\n")
        let diagnostic = try #require(diagnostics(found, code: "semantic.annotations-too-large").first)
        #expect(start(diagnostic) == "5:3")
        #expect(diagnostic.message.hasPrefix("metadata.annotations: Too long: may not be more than 262144 bytes"))
        let fits = String(repeating: "x", count: MetadataCheck.totalAnnotationSizeLimit - 1)
        let fine = try semanticCheck("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    k: \(fits)\n")
        #expect(diagnostics(fine, code: "semantic.annotations-too-large").isEmpty)
    }

    @Test func podTemplateLabelsAreChecked() throws {
        let found = try semanticCheck(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels: {app: web, bad_: x}
                spec:
                  containers: [{name: web, image: nginx}]
            """)
        let diagnostic = try #require(diagnostics(found, code: "semantic.invalid-label-key").first)
        #expect(start(diagnostic) == "8:26")
        #expect(diagnostic.message.hasPrefix("spec.template.metadata.labels: Invalid value: \"bad_\""))
    }
}
