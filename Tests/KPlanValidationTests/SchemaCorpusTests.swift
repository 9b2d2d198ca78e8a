import Foundation
import KPlanCore
import Testing
import KPlanValidation

/// The real-world corpus in `shared/corpus`, beside the repository (as on developers' machines and CI).
private let corpusDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
    }
    return url.deletingLastPathComponent().appendingPathComponent("shared/corpus").standardizedFileURL.path
}()

/// Real-world manifests from the shared corpus that the API server accepts must produce no schema errors.
/// The corpus must be present: these tests fail, not skip, without it.
@Suite struct SchemaCorpusTests {
    static let corpus = corpusDirectory

    /// YAML files under `directory` (recursively), sorted.
    static func files(_ directory: String) -> [String] {
        let root = "\(corpus)/\(directory)"
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { "\(root)/\($0)" }
            .sorted()
    }

    /// Compiles the CRDs among `crdFiles`, then validates every resource of `files` (CRDs included).
    static func diagnostics(crdFiles: [String], files: [String]) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var crds: [CompiledCRD] = []
        for file in crdFiles {
            for resource in try SchemaTestSupport.resources(path: file) where resource.gvk.kind == "CustomResourceDefinition" {
                let (crd, problems) = CRDCompiler.compile(resource)
                diagnostics += problems
                if let crd { crds.append(crd) }
            }
        }
        let registry = try SchemaRegistry.builtin().adding(crds: crds)
        for file in files {
            for resource in try SchemaTestSupport.resources(path: file) {
                diagnostics += SchemaTestSupport.validate(resource, registry: registry)
            }
        }
        return diagnostics
    }

    static func summary(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.prefix(20).map { "\($0.location) \($0.code) \($0.message)" }.joined(separator: "\n")
    }

    @Test func argoCDInstallIsValid() throws {
        let files = ["\(Self.corpus)/argo-cd/manifests/install.yaml", "\(Self.corpus)/argo-cd/manifests/namespace-install.yaml"]
        let diagnostics = try Self.diagnostics(crdFiles: files, files: files)
        #expect(diagnostics.isEmpty, "\(Self.summary(diagnostics))")
    }

    @Test func kubePrometheusIsValid() throws {
        let crds = Self.files("kube-prometheus/manifests/setup")
        let all = Self.files("kube-prometheus/manifests")
        #expect(all.count > 50)
        let diagnostics = try Self.diagnostics(crdFiles: crds, files: all)
        #expect(diagnostics.isEmpty, "\(Self.summary(diagnostics))")
    }

    @Test func gatewayAPIStandardExamplesAreValid() throws {
        let crds = Self.files("gateway-api/config/crd/standard")
        let examples = Self.files("gateway-api/examples/standard")
        #expect(examples.count > 20)
        let diagnostics = try Self.diagnostics(crdFiles: crds, files: crds + examples)
        #expect(diagnostics.isEmpty, "\(Self.summary(diagnostics))")
    }

    @Test(arguments: ["cert-manager", "knative-serving/config", "tekton-pipeline/config", "gateway-api/config/crd"])
    func corpusCRDsCompileAndValidate(directory: String) throws {
        let files = Self.files(directory)
        var count = 0
        for file in files {
            for resource in try SchemaTestSupport.resources(path: file) where resource.gvk.kind == "CustomResourceDefinition" {
                let (crd, diagnostics) = CRDCompiler.compile(resource)
                #expect(crd != nil && diagnostics.isEmpty, "\(file): \(Self.summary(diagnostics))")
                count += 1
            }
        }
        #expect(count > 0)
        // Kinds whose CRDs live in other repositories (knative's networking.internal) cannot be checked here.
        let diagnostics = try Self.diagnostics(crdFiles: files, files: files).filter { $0.code != "test.lookup" }
        #expect(diagnostics.isEmpty, "\(Self.summary(diagnostics))")
    }

    @Test(arguments: [
        "valid.yaml", "folder/valid.yaml", "folder/multi_valid.yaml", "int_or_string.yaml", "quantity.yaml",
        "null_string.yaml", "multi_valid.yaml", "generate_name.yaml", "valid_version.yaml", "full_domain_group.yaml",
        "null_array.yaml", "unconventional_keys.yaml", "multi_valid_source.yaml",
    ])
    func kubeconformValidFixtures(file: String) throws {
        let path = "\(Self.corpus)/kubeconform-fixtures/fixtures/\(file)"
        let diagnostics = try Self.diagnostics(crdFiles: [], files: [path])
        #expect(diagnostics.isEmpty, "\(Self.summary(diagnostics))")
    }

    /// kubeconform's invalid fixtures, and those it rejects with -strict (kplan is always strict).
    @Test(arguments: [
        ("multi_invalid.yaml", ["schema.type"]), ("invalid.yaml", ["schema.type", "schema.unknown-field"]),
        ("extra_property.yaml", ["schema.unknown-field"]), ("duplicate_property.yaml", ["schema.unknown-field"]),
    ])
    func kubeconformInvalidFixtures(file: String, codes: [String]) throws {
        let path = "\(Self.corpus)/kubeconform-fixtures/fixtures/\(file)"
        let diagnostics = try Self.diagnostics(crdFiles: [], files: [path])
        #expect(diagnostics.map(\.code) == codes, "\(Self.summary(diagnostics))")
    }
}
