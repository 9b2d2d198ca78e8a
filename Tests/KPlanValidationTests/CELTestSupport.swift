import Foundation
import KPlanCore
import KPlanYAML
import Testing

@testable import KPlanValidation

/// Helpers shared by the CEL tests.
enum CELTestSupport {
    /// The root node of a one-document YAML text.
    static func node(_ yaml: String) -> Node {
        let stream = YAMLLoader.load(Array(yaml.utf8), file: "test.yaml")
        #expect(stream.diagnostics.isEmpty, "\(stream.diagnostics)")
        let origin = SourcePosition(line: 1, column: 1)
        return stream.documents.first?.root ?? Node(.mapping([]), range: SourceRange(at: origin))
    }

    /// The shared corpus directory (`../shared/corpus` beside the repository), or nil when absent.
    static var corpus: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let corpus = root.appendingPathComponent("../shared/corpus").standardized
        return FileManager.default.fileExists(atPath: corpus.path) ? corpus : nil
    }

    /// Every document of the YAML file at `url`.
    static func documents(_ url: URL) throws -> [Node] {
        let bytes = try [UInt8](Data(contentsOf: url))
        return YAMLLoader.load(bytes, file: url.path).documents.map(\.root)
    }

    /// Regular files under `directory` with a YAML or JSON extension, sorted.
    static func manifestFiles(under directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return enumerator.compactMap { $0 as? URL }
            .filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
