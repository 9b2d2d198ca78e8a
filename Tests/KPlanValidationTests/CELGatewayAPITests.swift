import Foundation
import KPlanCore
import Testing

@testable import KPlanValidation

/// The gateway-api CRDs' CEL rules against its examples: valid examples pass every rule, and invalid
/// examples made invalid by a rule fail one.
@Suite("CEL gateway-api")
struct CELGatewayAPITests {
    /// One row of `EXPECTED.tsv`.
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        var valid: Bool
        var description: String { file }
    }

    static let root = CELTestSupport.corpus?.appendingPathComponent("gateway-api")

    static let expectations: [Expectation] = {
        guard let root, let text = try? String(contentsOf: root.appendingPathComponent("EXPECTED.tsv"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2 else { return nil }
            return Expectation(file: String(columns[0]), valid: columns[1] == "valid")
        }
    }()

    static func walker(channel: String) throws -> CELCRDWalker {
        let root = try #require(root, "the shared corpus is missing")
        let directory = root.appendingPathComponent("config/crd/\(channel)")
        return try CELCRDWalker(crdFiles: CELTestSupport.manifestFiles(under: directory))
    }

    static let standard = Result { try walker(channel: "standard") }
    static let experimental = Result { try walker(channel: "experimental") }

    /// All failures of every document of `file`, and how many documents had a schema.
    static func check(_ file: String) throws -> (checked: Int, failures: [CELCRDWalker.Failure]) {
        let root = try #require(root)
        let walker = try (file.contains("/experimental/") ? experimental : standard).get()
        #expect(walker.schemaCount > 0)
        var checked = 0
        var failures: [CELCRDWalker.Failure] = []
        for document in try CELTestSupport.documents(root.appendingPathComponent(file)) {
            guard let found = walker.failures(of: document) else { continue }
            checked += 1
            failures += found
        }
        return (checked, failures)
    }

    @Test func expectationsAreListed() {
        #expect(Self.expectations.filter(\.valid).count > 10)
        #expect(Self.expectations.filter { !$0.valid }.count > 10)
    }

    @Test(arguments: expectations.filter(\.valid))
    func validExamplePasses(_ expectation: Expectation) throws {
        let result = try Self.check(expectation.file)
        #expect(result.failures.isEmpty, "\(expectation.file): \(result.failures)")
    }

    @Test func validExamplesAreChecked() throws {
        var checked = 0
        for expectation in Self.expectations where expectation.valid { checked += try Self.check(expectation.file).checked }
        #expect(checked > 20, "only \(checked) gateway-api objects among the valid examples")
    }

    /// Invalid examples that no CEL rule rejects: the API server's structural schema validation does.
    /// Each was checked against the CRD schema:
    /// - experimental/httproute/invalid-filter-externalauth-bad-http-path: `pattern` on externalAuth.http.path
    /// - experimental/httproute/invalid-header-value: `pattern` on header values (no CR/LF)
    /// - standard/gateway/invalid-listener-name: `pattern` on listener names
    /// - standard/gateway/invalid-listener-port: `maximum` 65535 on ports
    /// - standard/gatewayclass/invalid-controller: `pattern` on controllerName (needs a domain prefix)
    /// - standard/httproute/duplicate-header-match, duplicate-query-match: `x-kubernetes-list-type: map`
    /// - standard/httproute/invalid-filter-duplicate-header: `x-kubernetes-list-type: set`
    /// - standard/httproute/invalid-backend-group, invalid-backend-kind, invalid-header-name: `pattern`
    /// - standard/httproute/invalid-backend-port: `maximum` on ports
    /// - standard/httproute/invalid-method: `enum`
    /// - standard/referencegrant/missing-from, missing-ns, missing-to: `required`
    static let caughtBySchema: Set<String> = [
        "experimental/httproute/invalid-filter-externalauth-bad-http-path.yaml",
        "experimental/httproute/invalid-header-value.yaml",
        "standard/gateway/invalid-listener-name.yaml",
        "standard/gateway/invalid-listener-port.yaml",
        "standard/gatewayclass/invalid-controller.yaml",
        "standard/httproute/duplicate-header-match.yaml",
        "standard/httproute/duplicate-query-match.yaml",
        "standard/httproute/invalid-filter-duplicate-header.yaml",
        "standard/httproute/invalid-backend-group.yaml",
        "standard/httproute/invalid-backend-kind.yaml",
        "standard/httproute/invalid-header-name.yaml",
        "standard/httproute/invalid-backend-port.yaml",
        "standard/httproute/invalid-method.yaml",
        "standard/referencegrant/missing-from.yaml",
        "standard/referencegrant/missing-ns.yaml",
        "standard/referencegrant/missing-to.yaml",
    ]

    /// An invalid example fails a CEL rule, unless it is one the schema catches, which passes every rule.
    @Test(arguments: expectations.filter { !$0.valid })
    func invalidExample(_ expectation: Expectation) throws {
        let result = try Self.check(expectation.file)
        #expect(result.checked > 0, "\(expectation.file) has no gateway-api object")
        let name = expectation.file.replacingOccurrences(of: "hack/invalid-examples/", with: "")
        if Self.caughtBySchema.contains(name) {
            #expect(result.failures.isEmpty, "\(name) is listed as caught by the schema, yet fails: \(result.failures)")
        } else {
            #expect(!result.failures.isEmpty, "\(name) passes every CEL rule")
        }
    }

    @Test func failureMessagesComeFromTheRules() throws {
        let duplicate = try Self.check("hack/invalid-examples/standard/gateway/duplicate-listeners.yaml")
        #expect(duplicate.failures.map(\.message) == ["Listener name must be unique within the Gateway"])
        #expect(duplicate.failures.map(\.path) == [".spec.listeners"])
    }
}
