import KPlanCore
import Testing

@testable import KPlanValidation

@Suite struct SemanticSelectorTests {
    private func deployment(selector: String, labels: String, kind: String = "Deployment") -> String {
        """
        apiVersion: apps/v1
        kind: \(kind)
        metadata: {name: web}
        spec:
          selector: \(selector)
          template:
            metadata:
              labels: \(labels)
            spec:
              containers: [{name: web, image: nginx}]
        """
    }

    @Test func mismatchPointsAtTheSelectorWithANoteAtTheLabels() throws {
        let found = try semanticCheck(deployment(selector: "{matchLabels: {app: web}}", labels: "{app: api}"))
        let diagnostic = try #require(diagnostics(found, code: "semantic.selector-mismatch").first)
        #expect(start(diagnostic) == "5:13")
        #expect(diagnostic.message.contains("`selector` does not match template `labels`"))
        #expect(diagnostic.message.contains("app=web"))
        #expect(diagnostic.notes.first?.location?.range.start == SourcePosition(line: 8, column: 7))
    }

    @Test(arguments: [
        ("{matchExpressions: [{key: app, operator: In, values: [web, api]}]}", "{app: api}", true),
        ("{matchExpressions: [{key: app, operator: NotIn, values: [web]}]}", "{app: web}", false),
        ("{matchExpressions: [{key: app, operator: NotIn, values: [web]}]}", "{tier: x}", true),
        ("{matchExpressions: [{key: app, operator: Exists}]}", "{app: x}", true),
        ("{matchExpressions: [{key: app, operator: DoesNotExist}]}", "{app: x}", false),
        ("{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: Exists}]}", "{app: web}", false),
    ])
    func expressionsAreEvaluated(_ selector: String, _ labels: String, _ matches: Bool) throws {
        let found = try semanticCheck(deployment(selector: selector, labels: labels))
        #expect(diagnostics(found, code: "semantic.selector-mismatch").isEmpty == matches)
    }

    @Test func emptySelectorIsInvalidWithTheKindsMessage() throws {
        let found = try semanticCheck(deployment(selector: "{}", labels: "{app: web}", kind: "StatefulSet"))
        let diagnostic = try #require(diagnostics(found, code: "semantic.empty-selector").first)
        #expect(start(diagnostic) == "5:13")
        #expect(diagnostic.message.hasSuffix("empty selector is invalid for statefulset"))
    }

    @Test func appsSelectorMayNotBeNull() throws {
        let found = try semanticCheck(
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: null
              template:
                metadata: {labels: {app: agent}}
                spec: {containers: [{name: a, image: x}]}
            """)
        let diagnostic = try #require(diagnostics(found, code: "semantic.missing-selector").first)
        #expect(start(diagnostic) == "5:3")
    }

    @Test func anAbsentAppsSelectorIsLeftToTheSchemasRequiredCheck() throws {
        let found = try semanticCheck(
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template:
                metadata: {labels: {app: agent}}
                spec: {containers: [{name: a, image: x}]}
            """)
        #expect(diagnostics(found, code: "semantic.missing-selector").isEmpty)
    }

    @Test func invalidOperatorsAndValuesAreReported() throws {
        let found = try semanticCheck(
            deployment(
                selector: "{matchExpressions: [{key: app, operator: Equals, values: [web]}, {key: b, operator: In}]}",
                labels: "{app: web}"))
        let invalid = diagnostics(found, code: "semantic.invalid-selector")
        #expect(invalid.count == 2)
        #expect(invalid.first?.message.hasSuffix("not a valid selector operator") == true)
        #expect(diagnostics(found, code: "semantic.selector-mismatch").isEmpty)
    }

    @Test func jobWithoutManualSelectorMayNotChooseOne() throws {
        let found = try semanticCheck(
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: once}
            spec:
              selector: {matchLabels: {app: once}}
              template:
                metadata: {labels: {app: once}}
                spec: {restartPolicy: Never, containers: [{name: a, image: x}]}
            """)
        let diagnostic = try #require(diagnostics(found, code: "semantic.job-selector-not-generated").first)
        #expect(start(diagnostic) == "5:13")
    }

    @Test func jobWithManualSelectorMustMatch() throws {
        let found = try semanticCheck(
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: once}
            spec:
              manualSelector: true
              selector: {matchLabels: {app: once}}
              template:
                metadata: {labels: {app: twice}}
                spec: {restartPolicy: Never, containers: [{name: a, image: x}]}
            """)
        #expect(diagnostics(found, code: "semantic.selector-mismatch").map(start) == ["6:13"])
        #expect(diagnostics(found, code: "semantic.job-selector-not-generated").isEmpty)
    }

    @Test func replicationControllerMapSelectorMustMatch() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: rc}
            spec:
              selector: {app: rc, tier: web}
              template:
                metadata: {labels: {app: rc}}
                spec: {containers: [{name: a, image: x}]}
            """)
        let diagnostic = try #require(diagnostics(found, code: "semantic.selector-mismatch").first)
        #expect(start(diagnostic) == "5:13")
        #expect(diagnostic.message.contains("tier=web"))
    }

    @Test func replicationControllerWithoutSelectorIsDefaulted() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: rc}
            spec:
              template:
                metadata: {labels: {app: rc}}
                spec: {containers: [{name: a, image: x}]}
            """)
        #expect(found.isEmpty)
    }
}
