import KPlanCore
import Testing
@testable import KPlanValidation

private func load(_ text: String, file: String = "repo/.kplan.yaml") -> (configuration: LintConfiguration, diagnostics: [Diagnostic]) {
    LintConfiguration.load(Array(text.utf8), file: file)
}

private func rule(_ id: String) throws -> LintRuleDescription {
    try #require(LintRuleRegistry.rule(id)).ruleDescription
}

@Suite struct LintConfigurationTests {
    @Test func aFullFileIsRead() throws {
        let (configuration, diagnostics) = load("""
            rules:
              latest-tag: error
              lint.missing-liveness-probe: off
              missing-cpu-limit: {severity: info}
              run-as-root: {enabled: false, severity: error}
              host-port: on
            enable: [default-namespace]
            disable: [lint.mutable-tag]
            exclude: ["charts/**/tests/*.yaml"]
            kubernetesVersion: 1.30
            ignoreMissingSchemas: true
            skipNonKubernetes: yes
            """)
        #expect(diagnostics.isEmpty)
        #expect(configuration.rules["latest-tag"] == .init(enabled: true, severity: .error))
        #expect(configuration.rules["missing-liveness-probe"] == .init(enabled: false))
        #expect(configuration.rules["missing-cpu-limit"] == .init(enabled: true, severity: .info))
        #expect(configuration.rules["run-as-root"] == .init(enabled: false, severity: .error))
        #expect(configuration.rules["host-port"] == .init(enabled: true))
        #expect(configuration.enable == ["default-namespace"])
        #expect(configuration.disable == ["mutable-tag"])
        #expect(configuration.exclude == ["charts/**/tests/*.yaml"])
        #expect(configuration.baseDirectory == "repo")
        #expect(configuration.kubernetesVersion == LintKubernetesVersion(major: 1, minor: 30))
        #expect(configuration.ignoreMissingSchemas)
        #expect(configuration.skipNonKubernetes)

        #expect(configuration.severity(of: try rule("latest-tag")) == .error)
        #expect(configuration.isEnabled(try rule("missing-cpu-limit")))
        #expect(!configuration.isEnabled(try rule("missing-liveness-probe")))
        #expect(!configuration.isEnabled(try rule("run-as-root")))
        #expect(configuration.isEnabled(try rule("default-namespace")))
        #expect(!configuration.isEnabled(try rule("mutable-tag")))
        #expect(configuration.isEnabled(try rule("missing-readiness-probe")))
        #expect(!configuration.isEnabled(try rule("missing-priority-class")))
    }

    @Test func unknownNamesAndBadValuesArePositionedDiagnostics() {
        let (configuration, diagnostics) = load("""
            rules:
              latest-tga: error
              run-as-root: loud
              host-port: {enabled: maybe, level: error}
            enable: [all, nope]
            exclude: [[nested]]
            kubernetesVersion: banana
            ignoreMissingSchemas: 3
            colour: blue
            """)
        let summary = diagnostics.map { "\($0.location.range.start) \($0.severity) \($0.code)" }
        #expect(summary == [
            "2:3 warning config.unknown-rule",
            "3:16 error config.invalid-value",
            "4:24 error config.invalid-value",
            "4:31 warning config.unknown-key",
            "5:15 warning config.unknown-rule",
            "6:11 error config.invalid-value",
            "7:20 error config.invalid-value",
            "8:23 error config.invalid-value",
            "9:1 warning config.unknown-key",
        ])
        #expect(diagnostics.allSatisfy { $0.location.file == "repo/.kplan.yaml" })
        #expect(diagnostics.first?.notes.map(\.message) == ["did you mean \"latest-tag\"?"])
        #expect(diagnostics.first { $0.message.contains("nope") }?.notes.isEmpty == true)
        #expect(configuration.enable == ["all"])
        #expect(configuration.rules["latest-tga"] == nil)
        #expect(configuration.kubernetesVersion == nil)
    }

    @Test func syntaxErrorsAndNonMappingsAreReported() {
        #expect(load("rules: [\n").diagnostics.map(\.code) == ["yaml.syntax"])
        #expect(load("- a\n- b\n").diagnostics.map(\.code) == ["config.invalid-value"])
        let empty = load("")
        #expect(empty.diagnostics.isEmpty)
        #expect(empty.configuration.rules.isEmpty)
        #expect(empty.configuration.baseDirectory == "repo")
        #expect(load("a: 1\n", file: ".kplan.yaml").configuration.baseDirectory == ".")
    }

    @Test func enableAllTurnsOnRulesOffByDefaultUnlessDisabled() throws {
        let configuration = load("enable: [all]\ndisable: [missing-cpu-limit]\n").configuration
        #expect(configuration.isEnabled(try rule("missing-priority-class")))
        #expect(!configuration.isEnabled(try rule("missing-cpu-limit")))
    }

    @Test(arguments: [
        ("charts/**/tests/*.yaml", "repo/charts/web/sub/tests/a.yaml", true),
        ("charts/**/tests/*.yaml", "repo/charts/tests/a.yaml", true),
        ("charts/**/tests/*.yaml", "repo/charts/tests/a.json", false),
        ("charts/**/tests/*.yaml", "charts/tests/a.yaml", true),
        ("*.generated.yaml", "repo/deep/down/app.generated.yaml", true),
        ("*.generated.yaml", "repo/app.yaml", false),
        ("base/app-?.yaml", "./repo/base/app-1.yaml", true),
        ("base/app-?.yaml", "repo/base/app-10.yaml", false),
        ("base/*", "repo/base/sub/app.yaml", false),
        ("base/**", "repo/base/sub/app.yaml", true),
    ])
    func exclusionPatternsAreRelativeToTheConfigurationDirectory(pattern: String, path: String, excluded: Bool) {
        let configuration = LintConfiguration(exclude: [pattern], baseDirectory: "repo")
        #expect(configuration.isExcluded(path: path) == excluded)
    }

    @Test func settingExcludeLaterIsHonoured() {
        var configuration = LintConfiguration()
        #expect(!configuration.isExcluded(path: "vendor/a.yaml"))
        configuration.exclude = ["vendor/**"]
        #expect(configuration.isExcluded(path: "vendor/a.yaml"))
        #expect(configuration.isExcluded(path: "./vendor/b/c.yaml"))
    }
}

@Suite struct LintKubernetesVersionTests {
    @Test(arguments: [
        ("1.29", LintKubernetesVersion(major: 1, minor: 29)), ("v1.30", LintKubernetesVersion(major: 1, minor: 30)),
        ("1.28.3", LintKubernetesVersion(major: 1, minor: 28)), ("v1.27.1-eks.2", LintKubernetesVersion(major: 1, minor: 27)),
    ])
    func versionsParse(text: String, expected: LintKubernetesVersion) {
        #expect(LintKubernetesVersion(text) == expected)
        #expect(LintKubernetesVersion(text)?.description == "\(expected.major).\(expected.minor)")
    }

    @Test(arguments: ["", "1", "one.two", "1.x", "1.2.", "v", "1.-2"])
    func garbageDoesNotParse(text: String) {
        #expect(LintKubernetesVersion(text) == nil)
    }

    @Test func versionsCompareNumerically() {
        #expect(LintKubernetesVersion(major: 1, minor: 9) < LintKubernetesVersion(major: 1, minor: 10))
    }
}
