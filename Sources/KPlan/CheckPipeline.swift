import Foundation
import KPlanCore
import KPlanValidation

/// Checks a large file's resources on other threads while the file is still being parsed, so one
/// file uses more than one core. Resources come in batches; a batch that finds every worker busy
/// and the queue full is checked by the submitting thread itself. `finish()` returns the results in
/// input order.
///
/// Workers are threads of their own, not dispatch workers: the submitting thread may itself be one,
/// and waiting on work queued behind it could never end.
final class CheckPipeline: @unchecked Sendable {
    /// A resource to check, with its kind's schema lookup.
    typealias Item = (resource: Resource, lookup: SchemaLookup)

    private let checker: ObjectChecker
    private let condition = NSCondition()
    /// Batches waiting for a worker, with their input positions.
    private var queue: [(index: Int, items: [Item])] = []
    private var results: [Int: [CheckedObject]] = [:]
    private var submitted = 0
    private var inputEnded = false
    private var runningWorkers: Int
    /// Batches that may wait at once (bounds the trees held in memory).
    private let queueLimit: Int

    /// Starts `workers` threads checking with `checker`.
    init(checker: ObjectChecker, workers: Int) {
        self.checker = checker
        runningWorkers = max(1, workers)
        queueLimit = 2 * max(1, workers)
        for _ in 0..<runningWorkers {
            let thread = Thread { [self] in work() }
            thread.name = "kplan.check"
            thread.start()
        }
    }

    /// Hands over the next batch of resources, in input order.
    func submit(_ items: [Item]) {
        condition.lock()
        let index = submitted
        submitted += 1
        guard queue.count >= queueLimit else {
            queue.append((index, items))
            condition.broadcast()
            condition.unlock()
            return
        }
        condition.unlock()
        let checked = items.map { checker.check($0.resource, $0.lookup) }
        condition.lock()
        results[index] = checked
        condition.unlock()
    }

    /// Waits for every batch and returns the checked resources in input order; the workers end.
    func finish() -> [CheckedObject] {
        condition.lock()
        defer { condition.unlock() }
        inputEnded = true
        condition.broadcast()
        while runningWorkers > 0 { condition.wait() }
        return (0..<submitted).flatMap { results[$0] ?? [] }
    }

    private func work() {
        condition.lock()
        while true {
            if !queue.isEmpty {
                let next = queue.removeFirst()
                condition.unlock()
                let checked = next.items.map { checker.check($0.resource, $0.lookup) }
                condition.lock()
                results[next.index] = checked
            } else if inputEnded {
                runningWorkers -= 1
                condition.broadcast()
                condition.unlock()
                return
            } else {
                condition.wait()
            }
        }
    }
}
