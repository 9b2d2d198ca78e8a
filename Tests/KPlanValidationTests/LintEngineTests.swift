import Foundation
import KPlanCore
import Testing
@testable import KPlanValidation

private let pod = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      namespace: shop
    spec:
      containers:
        - name: web
          image: nginx:latest
    """

private func lint(_ text: String, configuration: LintConfiguration = LintConfiguration(),
                  defaultNamespace: String = "default") -> [Diagnostic] {
    LintEngine(configuration: configuration).run(on: lintResources(text).resources, defaultNamespace: defaultNamespace)
}

@Suite struct LintEngineTests {
    @Test func findingsBecomePositionedDiagnosticsWithCodeSeverityAndObject() throws {
        let diagnostics = lint(pod)
        let latest = try #require(diagnostics.first { $0.code == "lint.latest-tag" })
        #expect(latest.severity == .warning)
        #expect(latest.location == SourceLocation(
            file: "example.yaml",
            range: SourceRange(start: SourcePosition(line: 9, column: 14), end: SourcePosition(line: 9, column: 26))))
        #expect(latest.object == "Pod shop/web")
        #expect(latest.message == "image \"nginx:latest\" of container \"web\" is tagged \"latest\"")
        #expect(latest.notes.last?.message.hasPrefix("fix: Pin the image") == true)
        #expect(diagnostics == diagnostics.sorted())
    }

    @Test func onlyRulesEnabledByDefaultRun() {
        let codes = Set(lint(pod).map(\.code))
        #expect(codes.contains("lint.missing-memory-limit"))
        #expect(!codes.contains("lint.missing-cpu-limit"))
        #expect(!codes.contains("lint.missing-priority-class"))
        let enabled = LintEngine().enabledRuleIDs
        let expected = LintRuleRegistry.all.filter { $0.ruleDescription.enabledByDefault }.map(\.id).sorted()
        #expect(enabled == expected)
    }

    @Test func configurationEnablesDisablesAndOverridesSeverity() {
        let configuration = LintConfiguration(
            rules: ["latest-tag": .init(enabled: true, severity: .error), "missing-memory-limit": .init(enabled: false)],
            enable: ["missing-cpu-limit"], disable: ["missing-liveness-probe"])
        let diagnostics = lint(pod, configuration: configuration)
        let codes = Set(diagnostics.map(\.code))
        #expect(diagnostics.first { $0.code == "lint.latest-tag" }?.severity == .error)
        #expect(!codes.contains("lint.missing-memory-limit"))
        #expect(codes.contains("lint.missing-cpu-limit"))
        #expect(!codes.contains("lint.missing-liveness-probe"))
        #expect(codes.contains("lint.missing-readiness-probe"))
    }

    @Test func disableAllLeavesOnlyExplicitlyEnabledRules() {
        let configuration = LintConfiguration(rules: ["run-as-root": .init(enabled: true)], enable: ["latest-tag"],
                                              disable: ["all"])
        #expect(Set(lint(pod, configuration: configuration).map(\.code)) == ["lint.latest-tag", "lint.run-as-root"])
    }

    @Test(arguments: ["latest-tag", "lint.latest-tag", " run-as-root , latest-tag"])
    func annotationSuppressesListedRules(value: String) {
        let text = pod.replacingOccurrences(
            of: "  namespace: shop\n", with: "  namespace: shop\n  annotations:\n    kplan.dev/ignore: \"\(value)\"\n")
        let codes = Set(lint(text).map(\.code))
        #expect(!codes.contains("lint.latest-tag"))
        #expect(codes.contains("lint.missing-memory-limit"))
    }

    @Test func annotationAllSuppressesEverything() {
        let text = pod.replacingOccurrences(
            of: "  namespace: shop\n", with: "  namespace: shop\n  annotations: {kplan.dev/ignore: all}\n")
        #expect(!lint(pod).isEmpty)
        #expect(lint(text).isEmpty)
    }

    @Test func objectsWithoutNamespaceLiveInTheDefaultNamespaceGiven() {
        let text = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web, namespace: team}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              serviceAccountName: worker
              containers:
                - {name: web, image: "web:1.0"}
            """
        let code = "lint.service-account-not-found"
        #expect(!lint(text).contains { $0.code == code })
        let diagnostics = lint(text, defaultNamespace: "team").filter { $0.code == code }
        #expect(diagnostics.map(\.location.range.start) == [SourcePosition(line: 9, column: 23)])
        #expect(diagnostics.first?.message.contains("namespace \"team\"") == true)
    }

    @Test func crossObjectFindingsNoteTheRelatedObjectInItsOwnFile() throws {
        let budget = lintResources("""
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: 2
              selector: {matchLabels: {app: web}}
            """, file: "pdb.yaml").resources
        let deployment = lintResources("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: "web:1.0"}]
            """, file: "deploy.yaml").resources
        let diagnostics = LintEngine().run(on: budget + deployment)
        let blocked = try #require(diagnostics.first { $0.code == "lint.pdb-blocks-eviction" })
        #expect(blocked.location.file == "pdb.yaml")
        #expect(blocked.location.range.start == SourcePosition(line: 5, column: 17))
        let note = try #require(blocked.notes.first)
        #expect(note.message == "selects Deployment web (2 replicas)")
        #expect(note.location?.file == "deploy.yaml")
        #expect(note.location?.range.start == SourcePosition(line: 3, column: 18))
        #expect(!diagnostics.contains { $0.code == "lint.missing-pdb" })
    }

    @Test func lintingOneResourceAtATimeMatchesRun() async {
        let resources = lintResources(pod + "\n---\n" + pod.replacingOccurrences(of: "name: web\n  namespace", with: "name: api\n  namespace")).resources
        let engine = LintEngine()
        let context = engine.context(for: resources)
        let parallel = await withTaskGroup(of: [Diagnostic].self) { group in
            for resource in resources { group.addTask { engine.lint(resource, in: context) } }
            var all: [Diagnostic] = []
            for await diagnostics in group { all += diagnostics }
            return all.sorted()
        }
        #expect(!parallel.isEmpty)
        #expect(parallel == engine.run(on: resources))
    }
}

@Suite struct LintDeprecatedAPIVersionTests {
    private let manifests = """
        apiVersion: extensions/v1beta1
        kind: Deployment
        metadata: {name: web}
        ---
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata: {name: report}
        """

    private func messages(_ version: String?) -> [String] {
        lintFindings(DeprecatedAPIVersionRule(), manifests, kubernetesVersion: version.flatMap(LintKubernetesVersion.init))
            .map(\.message)
    }

    @Test func withoutATargetVersionEverythingInTheTableIsReportedAsRemoved() {
        #expect(messages(nil) == [
            "extensions/v1beta1 Deployment is no longer served since Kubernetes 1.16; use apps/v1",
            "batch/v1beta1 CronJob is no longer served since Kubernetes 1.25; use batch/v1",
        ])
    }

    @Test func theTargetVersionDecidesBetweenNothingDeprecatedAndRemoved() {
        #expect(messages("1.8").isEmpty)
        #expect(messages("v1.20.4") == ["extensions/v1beta1 Deployment is no longer served since Kubernetes 1.16; use apps/v1"])
        #expect(messages("1.22") == [
            "extensions/v1beta1 Deployment is no longer served since Kubernetes 1.16; use apps/v1",
            "batch/v1beta1 CronJob is deprecated since Kubernetes 1.21 and removed in 1.25; use batch/v1",
        ])
    }
}
