import Foundation
import Testing

/// Golden-file comparison: `golden/<suite>/<name>` holds the expected output.
///
/// Set `KPLAN_UPDATE_GOLDEN=1` to re-record every golden file a test touches; then read `git diff golden/`.
enum GoldenFile {
    /// The repository root, found from this file's path.
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        return FileManager.default.currentDirectoryPath
    }()

    static var isRecording: Bool { ProcessInfo.processInfo.environment["KPLAN_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file at `relativePath` (from the repository root), or records it.
    static func check(_ actual: String, against relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = repositoryRoot + "/" + relativePath
        if isRecording {
            try? FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("missing golden file \(relativePath); run with KPLAN_UPDATE_GOLDEN=1 to record it",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            Issue.record("\(relativePath) differs (- golden, + actual):\n\(lineDiff(expected, actual))",
                         sourceLocation: sourceLocation)
        }
    }

    /// A minimal line diff: lines only in the golden file with `-`, lines only in the output with `+`.
    static func lineDiff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = new.difference(from: old)
        var lines: [String] = []
        for change in difference {
            switch change {
            case .remove(let offset, let line, _): lines.append("-\(offset + 1): \(line)")
            case .insert(let offset, let line, _): lines.append("+\(offset + 1): \(line)")
            }
        }
        return lines.prefix(80).joined(separator: "\n")
    }
}
