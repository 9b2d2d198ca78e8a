import Dispatch

extension Array where Element: Sendable {
    /// Maps every element on all cores (or on the calling thread when `parallel` is false), keeping
    /// the order of the input.
    public func parallelMap<T: Sendable>(parallel: Bool = true, _ transform: @Sendable (Element) -> T) -> [T] {
        guard parallel, count > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.store(transform(self[index]), at: index)
        }
        return results.values()
    }
}

/// Write-once slots filled from concurrent iterations; each index is written by exactly one iteration.
///
/// The slots are stored into without a lock: no two iterations touch the same slot, and
/// `concurrentPerform` returns only after every iteration has finished, which orders all the stores
/// before `values()` reads them.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) {
        slots[index] = value
    }

    func values() -> [T] {
        slots.compactMap { $0 }
    }
}
