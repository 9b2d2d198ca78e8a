import Foundation
import KPlan
import KPlanCore
import Testing

/// The real-world corpus in `shared/corpus` (beside the repository; see its SOURCES.md) linted end to end.
@Suite struct CorpusTests {
    static let corpus = URL(fileURLWithPath: GoldenFile.repositoryRoot)
        .deletingLastPathComponent().appendingPathComponent("shared/corpus").standardizedFileURL.path

    static func lint(_ paths: [String], _ configure: (inout LintOptions) -> Void = { _ in }) throws -> LintResult {
        var options = LintOptions(paths: paths.map { "\(corpus)/\($0)" }, noConfig: true)
        configure(&options)
        return try Linter(options: options).run()
    }

    static func errors(_ result: LintResult) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map { "\($0.location): \($0.code): \($0.message)" }
    }

    @Test func corpusIsPresent() {
        #expect(FileManager.default.fileExists(atPath: "\(Self.corpus)/SOURCES.md"),
                "the corpus must be at ../shared/corpus from the repository root")
    }

    /// Everything in the corpus: nothing crashes, every finding is positioned in a corpus file, and every
    /// code is one the catalog documents.
    @Test func theWholeCorpusLintsWithPositionedFindingsOnly() throws {
        let result = try Self.lint(["."])
        #expect(result.fileCount > 1900)
        #expect(result.resourceCount > 3000)
        let documented = Set(LintCatalog.ruleDescriptors.map(\.id))
        for diagnostic in result.diagnostics {
            #expect(diagnostic.location.file.hasPrefix(Self.corpus), "\(diagnostic.location)")
            #expect(diagnostic.location.range.start.line >= 1 && diagnostic.location.range.start.column >= 1)
            #expect(documented.contains(diagnostic.code), "undocumented code \(diagnostic.code)")
        }
    }

    /// Release manifests that real clusters accept produce no errors of any stage (lint rules only warn).
    @Test(arguments: [
        ["argo-cd/manifests/install.yaml"],
        ["argo-cd/manifests/namespace-install.yaml"],
        ["kube-prometheus/manifests"],
        ["ingress-nginx/deploy/static/provider/cloud/deploy.yaml"],
        ["gateway-api/config/crd/standard"],
    ])
    func releaseManifestsHaveNoErrors(paths: [String]) throws {
        let result = try Self.lint(paths)
        #expect(result.resourceCount > 0)
        #expect(Self.errors(result) == [])
    }

    /// Rows of an `EXPECTED.tsv`: file and expected outcome.
    static func expectations(_ file: String) -> [(file: String, expected: String)] {
        guard let text = try? String(contentsOfFile: "\(corpus)/\(file)", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return fields.count >= 2 ? (String(fields[0]), String(fields[1])) : nil
        }
    }

    /// How kplan's outcome differs from kubeconform's on purpose, per fixture.
    static let kubeconformDifferences: [String: String] = [
        // kubeconform passes these by default and fails them only with -strict; kplan is strict by default.
        "fixtures/extra_property.yaml": "invalid",
        "fixtures/duplicate_property.yaml": "invalid",
        // apiextensions.k8s.io/v1beta1 CRDs were removed in Kubernetes 1.22; kplan targets 1.35–1.37.
        "fixtures/crd_schema.yaml": "invalid",
        "fixtures/registry/sagemaker.aws.amazon.com_trainingjobs.yaml": "invalid",
        // apps/v1beta1 is not served by 1.37, and the two Deployments are one object to the API server
        // (identity is group/kind/namespace/name, not the version), so kplan also reports a duplicate.
        "fixtures/same-kind-different-api.yaml": "invalid",
        // kubeval skipped SkipThisKind with -skip-kinds; kplan has no skip list, and the two objects are
        // duplicates without a schema.
        "fixtures/duplicates-skipped-kinds.yaml": "invalid",
    ]

    /// Options kubeconform's tests ran a fixture with, as kplan spells them.
    static func kubeconformOptions(_ file: String, _ options: inout LintOptions) {
        switch file {
        case "fixtures/httpproxy.yaml", "fixtures/grafana-alert-rule-group-sample.yaml":
            // kubeconform validates these against schemas from a registry; kplan has no such CRD, so the
            // fixture passes only with missing schemas ignored (reported as warnings).
            options.ignoreMissingSchemas = true
        case "fixtures/duplicates-with-namespace-default.yaml":
            options.defaultNamespace = "the-default-namespace"
        default:
            break
        }
    }

    @Test(arguments: expectations("kubeconform-fixtures/EXPECTED.tsv").filter { ["valid", "invalid", "error"].contains($0.expected) }.map(\.file))
    func kubeconformFixturesMatchTheirExpectedOutcome(file: String) throws {
        let row = try #require(Self.expectations("kubeconform-fixtures/EXPECTED.tsv").first { $0.file == file })
        let expected = Self.kubeconformDifferences[file] ?? row.expected
        let result = try Self.lint(["kubeconform-fixtures/\(file)"]) { options in
            options.disableRules = ["all"]
            Self.kubeconformOptions(file, &options)
        }
        let errors = result.diagnostics.filter { $0.severity == .error }
        switch expected {
        case "valid":
            #expect(Self.errors(result) == [])
        case "invalid":
            #expect(!errors.isEmpty)
            #expect(errors.allSatisfy { !$0.code.hasPrefix("input.") }, "\(Self.errors(result))")
        case "error":
            #expect(!errors.isEmpty)
            #expect(errors.allSatisfy { $0.code.hasPrefix("input.") || $0.code == "schema.missing" }, "\(Self.errors(result))")
        default:
            Issue.record("unexpected outcome \(expected)")
        }
    }

    /// gateway-api's own CRD tests: every example applies, every invalid example is rejected, by the
    /// schema or by a CEL rule (`x-kubernetes-validations`). Each file is checked alone against the
    /// channel's CRDs given with --crd, as the examples are separate documents, not one input set.
    @Test(arguments: expectations("gateway-api/EXPECTED.tsv").map(\.file))
    func gatewayAPIExamplesMatchTheirExpectedOutcome(file: String) throws {
        let row = try #require(Self.expectations("gateway-api/EXPECTED.tsv").first { $0.file == file })
        let channel = file.contains("/experimental/") ? "experimental" : "standard"
        let result = try Self.lint(["gateway-api/\(file)"]) { options in
            options.disableRules = ["all"]
            options.crdPaths = ["\(Self.corpus)/gateway-api/config/crd/\(channel)"]
        }
        #expect(result.resourceCount > 0)
        switch row.expected {
        case "valid": #expect(Self.errors(result) == [])
        case "invalid": #expect(!Self.errors(result).isEmpty)
        default: Issue.record("unexpected outcome \(row.expected)")
        }
    }
}
