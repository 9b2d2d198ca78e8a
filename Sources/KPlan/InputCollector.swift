import Foundation
import KPlanCore

/// Turns the paths a user names into the files to read: files as given, directories walked
/// recursively for `.yaml`, `.yml` and `.json` (sorted, hidden entries skipped), `-` for standard input.
public struct InputCollector: Sendable {
    /// Extensions read from directories.
    public static let manifestExtensions: Set<String> = ["yaml", "yml", "json"]

    /// Directory relative paths are resolved against; nil for the process's working directory.
    public var workingDirectory: String?

    /// Creates a collector.
    public init(workingDirectory: String? = nil) {
        self.workingDirectory = workingDirectory
    }

    /// The files named by `paths`, in a stable order, and a diagnostic for each path that does not exist.
    public func collect(_ paths: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        var seen = Set<String>()
        let fileManager = FileManager.default
        for path in paths {
            if path == "-" {
                if seen.insert(path).inserted { files.append(path) }
                continue
            }
            var isDirectory: ObjCBool = false
            let absolute = FileReader(workingDirectory: workingDirectory).resolved(path)
            guard fileManager.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(
                    .error, code: "input.not-found", message: "no such file or directory",
                    at: SourceLocation(file: path, range: SourceRange(at: SourcePosition(line: 1, column: 1)))))
                continue
            }
            if isDirectory.boolValue {
                for file in manifestFiles(under: path, absolute: absolute) where seen.insert(file).inserted {
                    files.append(file)
                }
            } else if seen.insert(path).inserted {
                files.append(path)
            }
        }
        return (files, diagnostics)
    }

    /// Manifest files below `directory` (read at `absolute`), named relative to `directory` as given.
    private func manifestFiles(under directory: String, absolute: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: absolute) else { return [] }
        var found: [String] = []
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                    enumerator.skipDescendants()
                }
                continue
            }
            let ext = (name as NSString).pathExtension.lowercased()
            guard Self.manifestExtensions.contains(ext) else { continue }
            guard (enumerator.fileAttributes?[.type] as? FileAttributeType) != .typeDirectory else { continue }
            found.append(base + "/" + relative)
        }
        return found.sorted()
    }
}
