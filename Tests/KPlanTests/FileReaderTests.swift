import Foundation
@testable import KPlan
import Testing

/// Input files are read whole, whatever their size, and a path that cannot be read is no file.
@Suite struct FileReaderTests {
    @Test(arguments: [0, 1, 4095, 65_536, 300_001])
    func filesAreReadWhole(size: Int) throws {
        let directory = NSTemporaryDirectory() + "kplan-file-reader-\(getpid())-\(size)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/input.yaml"))
        #expect(FileReader(workingDirectory: directory).read("input.yaml") == bytes)
        #expect(FileReader(workingDirectory: nil).read(directory + "/input.yaml") == bytes)
    }

    @Test func missingFilesAndDirectoriesAreNotRead() throws {
        let directory = NSTemporaryDirectory() + "kplan-file-reader-\(getpid())-missing"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let reader = FileReader(workingDirectory: directory)
        #expect(reader.read("absent.yaml") == nil)
        #expect(reader.unreadable("absent.yaml").message == "cannot read file: no such file")
        #expect(reader.read(directory) == nil)
        #expect(reader.unreadable(directory).message == "cannot read file: it is a directory")
    }
}
