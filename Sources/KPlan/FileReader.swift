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
        let descriptor = open(resolved(path), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return Self.readAll(descriptor, sizeHint: Int(status.st_size))
    }

    /// Everything left to read from `descriptor`, read straight into the array (a file's size is a
    /// hint only: pipes have none, and a file may grow); nil when reading fails (a directory).
    private static func readAll(_ descriptor: Int32, sizeHint: Int) -> [UInt8]? {
        // One byte more than the size, so the end is seen without growing the array.
        var bytes = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 1 << 16)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(bytes.count - count)
        return bytes
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
