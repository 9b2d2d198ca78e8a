import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Exclusive use of a state database by one kplan command at a time, across processes: an `flock`
/// on the sibling file `<database>.lock`, which holds the holder's pid and command line.
public final class StateLock: Sendable {
    /// The lock file.
    public let lockPath: String
    private let descriptor: Mutex<Int32?>

    private init(lockPath: String, descriptor: Int32) {
        self.lockPath = lockPath
        self.descriptor = Mutex(descriptor)
    }

    /// Takes the lock for the state database at `dbPath`, waiting up to `wait` for another holder
    /// to finish.
    /// - Parameter command: what the holder is doing, shown to whoever waits (default: this
    ///   process's command line).
    /// - Throws: `StoreError.locked` naming the holder when the wait runs out; `StoreError.io` when
    ///   the lock file cannot be opened.
    public static func acquire(
        for dbPath: String, command: String = CommandLine.arguments.joined(separator: " "), wait: Duration
    ) throws(StoreError) -> StateLock {
        let lockPath = dbPath + ".lock"
        try ClusterStore.createParentDirectory(of: dbPath)
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io(path: dbPath, detail: "cannot open the lock file \(lockPath): \(String(cString: strerror(errno)))")
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: wait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR else {
                close(descriptor)
                throw .io(path: dbPath, detail: "cannot lock \(lockPath): \(String(cString: strerror(failure)))")
            }
            guard clock.now < deadline else {
                let holder = holderDescription(descriptor)
                close(descriptor)
                throw .locked(path: dbPath, holder: holder)
            }
            usleep(20_000)
        }
        let note = "pid \(getpid()): \(command)\n"
        _ = ftruncate(descriptor, 0)
        _ = note.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return StateLock(lockPath: lockPath, descriptor: descriptor)
    }

    /// What the lock file says about its holder (`pid 1234: kplan apply -f app.yaml`).
    private static func holderDescription(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        let text = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
        let line = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return line.isEmpty ? "holder unknown" : line
    }

    /// Gives the lock up; later calls do nothing.
    public func release() {
        descriptor.withLock { descriptor in
            guard let open = descriptor else { return }
            _ = ftruncate(open, 0)
            flock(open, LOCK_UN)
            close(open)
            descriptor = nil
        }
    }

    deinit {
        release()
    }
}
