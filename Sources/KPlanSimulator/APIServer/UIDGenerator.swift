import Foundation
import Synchronization

/// Makes `metadata.uid`s: random UUIDs as the API server does, or a numbered sequence so tests and
/// goldens are reproducible.
public final class UIDGenerator: Sendable {
    private let isRandom: Bool
    private let counter: Mutex<UInt64>

    private init(isRandom: Bool, start: UInt64) {
        self.isRandom = isRandom
        counter = Mutex(start)
    }

    /// Random version-4 UUIDs.
    public static func random() -> UIDGenerator { UIDGenerator(isRandom: true, start: 0) }

    /// `00000000-0000-4000-8000-000000000001`, `…002`, … starting after `start`.
    public static func sequential(startingAfter start: UInt64 = 0) -> UIDGenerator {
        UIDGenerator(isRandom: false, start: start)
    }

    /// The next uid.
    public func next() -> String {
        if isRandom { return UUID().uuidString.lowercased() }
        let value = counter.withLock { value -> UInt64 in
            value += 1
            return value
        }
        let digits = String(value, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }
}
