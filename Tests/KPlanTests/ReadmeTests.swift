import Foundation
import KPlan
import Testing

/// The README's generated sections match what kplan prints; `KPLAN_UPDATE_GOLDEN=1` rewrites them.
@Suite struct ReadmeTests {
    static let path = GoldenFile.repositoryRoot + "/README.md"

    /// The README with the section between `<!-- BEGIN GENERATED: name` and `<!-- END GENERATED: name -->`
    /// replaced by `content`.
    static func replacing(section name: String, with content: String, in readme: String) -> String? {
        guard let begin = readme.range(of: "<!-- BEGIN GENERATED: \(name)"),
              let beginLineEnd = readme[begin.upperBound...].firstIndex(of: "\n"),
              let end = readme.range(of: "<!-- END GENERATED: \(name) -->")
        else { return nil }
        return String(readme[...beginLineEnd]) + content + String(readme[end.lowerBound...])
    }

    @Test func generatedSectionsAreCurrent() throws {
        let readme = try String(contentsOfFile: Self.path, encoding: .utf8)
        var updated = readme
        for (name, content) in [("rules", LintCatalog.markdownTableOfRules()), ("codes", LintCatalog.markdownTableOfCodes())] {
            updated = try #require(Self.replacing(section: name, with: content, in: updated), "README lacks section \(name)")
        }
        if GoldenFile.isRecording {
            try updated.write(toFile: Self.path, atomically: true, encoding: .utf8)
            return
        }
        #expect(updated == readme, "README's generated sections are stale; re-record with KPLAN_UPDATE_GOLDEN=1")
    }
}
