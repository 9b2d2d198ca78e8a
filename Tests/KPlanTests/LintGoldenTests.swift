import Foundation
import KPlan
import KPlanOutput
import Testing

/// Golden tests for `kplan lint`: every directory under `manifests/lint/` is one case.
///
/// A case lints its own directory (or the paths in its optional `.case.json`, which decodes into
/// `LintOptions`) from the repository root, and its text report must equal `golden/lint/<case>.txt`.
/// Cases listed in `LintGoldenTests.allFormatCases` are also rendered in every other output format.
/// Re-record with `KPLAN_UPDATE_GOLDEN=1 swift test --filter LintGoldenTests`.
@Suite struct LintGoldenTests {
    static let root = GoldenFile.repositoryRoot
    static let casesDirectory = "manifests/lint"
    static let allFormatCases: Set<String> = ["formats"]

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + casesDirectory)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    static func options(for name: String) throws -> LintOptions {
        let directory = "\(casesDirectory)/\(name)"
        var options = LintOptions()
        if let data = FileManager.default.contents(atPath: "\(root)/\(directory)/.case.json") {
            options = try JSONDecoder().decode(LintOptions.self, from: data)
        }
        if options.paths.isEmpty { options.paths = [directory] }
        options.workingDirectory = root
        options.collectObjects = true
        if options.configPath == nil { options.noConfig = true }
        return options
    }

    static func report(for name: String) throws -> LintReport {
        let result = try Linter(options: try options(for: name)).run()
        return result.report(toolVersion: "VERSION", rules: LintCatalog.ruleDescriptors)
    }

    @Test(arguments: cases)
    func textReportMatchesGolden(name: String) throws {
        let report = try Self.report(for: name)
        GoldenFile.check(OutputFormat.text.render(report), against: "golden/lint/\(name).txt")
    }

    @Test(arguments: allFormatCases.sorted())
    func everyFormatMatchesGolden(name: String) throws {
        let report = try Self.report(for: name)
        for format in OutputFormat.allCases where format != .text {
            GoldenFile.check(format.render(report), against: "golden/lint/\(name).\(format.fileExtension)")
        }
    }
}

extension OutputFormat {
    /// The golden file extension for each format.
    var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .sarif: "sarif"
        case .junit: "xml"
        case .github: "github.txt"
        }
    }
}
