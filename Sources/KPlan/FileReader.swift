import Foundation
import KPlanCore

/// Reads input files (or standard input for `-`), resolving relative paths against a directory.
struct FileReader: Sendable {
    /// Directory relative paths are read from; nil for the process's working directory.
    var workingDirectory: String?

    /// The bytes of `path`, or nil when it cannot be read.
    func read(_ path: String) -> [UInt8]? {
        if path == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        return FileManager.default.contents(atPath: resolved(path)).map { Array($0) }
    }

    /// The diagnostic for a file that could not be read, saying why when it can tell.
    func unreadable(_ path: String) -> Diagnostic {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: resolved(path), isDirectory: &isDirectory)
        let reason = !exists ? "no such file" : isDirectory.boolValue ? "it is a directory" : "permission denied or not a regular file"
        return Diagnostic(.error, code: "input.unreadable", message: "cannot read file: \(reason)",
                          at: SourceLocation(file: path, range: SourceRange(at: SourcePosition(line: 1, column: 1))))
    }

    /// `path` made absolute against the working directory when it is relative.
    func resolved(_ path: String) -> String {
        guard let workingDirectory, !path.hasPrefix("/"), path != "-" else { return path }
        return workingDirectory + "/" + path
    }
}
