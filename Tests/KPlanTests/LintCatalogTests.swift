import Foundation
import KPlan
import KPlanValidation
import Testing

/// The catalog of diagnostic codes is complete, and every code has a golden case.
@Suite struct LintCatalogTests {
    static let root = GoldenFile.repositoryRoot

    /// Every `"stage.code"` string literal in the sources, for the stages with fixed codes.
    static func codesInSources() throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #""((?:yaml|input|schema|crd|semantic|config)\.[a-z0-9-]*[a-z0-9])""#)
        var codes = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: root + "/Sources")
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift"), !path.hasSuffix("LintCatalog.swift"),
                  let text = try? String(contentsOfFile: "\(root)/Sources/\(path)", encoding: .utf8) else { continue }
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { codes.insert(String(text[range])) }
            }
        }
        return codes
    }

    /// The codes that appear in `golden/lint/*.txt`.
    static func codesInGoldens() throws -> Set<String> {
        let directory = root + "/golden/lint"
        let pattern = try NSRegularExpression(pattern: #"(?:error|warning|info)\[([a-z0-9.-]+)\]"#)
        var codes = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".txt") {
            let text = try String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { codes.insert(String(text[range])) }
            }
        }
        return codes
    }

    @Test func everyCodeTheSourcesEmitIsInTheCatalog() throws {
        let catalog = Set(LintCatalog.fixedCodes.map(\.code))
        let emitted = try Self.codesInSources()
        #expect(emitted.subtracting(catalog).sorted() == [], "codes missing from LintCatalog")
        #expect(catalog.subtracting(emitted).sorted() == [], "catalog codes nothing emits")
    }

    @Test func everyCodeHasAGoldenCase() throws {
        let all = Set(LintCatalog.ruleDescriptors.map(\.id))
        let covered = try Self.codesInGoldens()
        #expect(all.subtracting(covered).sorted() == [], "codes without a case under manifests/lint")
        #expect(covered.subtracting(all).sorted() == [], "goldens show codes the catalog does not know")
    }

    @Test func catalogCodesAreUniqueAndDescribed() {
        let codes = LintCatalog.ruleDescriptors.map(\.id)
        #expect(Set(codes).count == codes.count)
        #expect(LintCatalog.ruleDescriptors.allSatisfy { !$0.shortDescription.isEmpty })
    }
}
