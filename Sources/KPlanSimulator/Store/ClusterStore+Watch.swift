import GRDB
import KPlanCore

extension ClusterStore {
    /// The changes after `revision`: first the recorded history, then every later commit made
    /// through this store instance, in revision order with no gaps or repeats. The stream ends with
    /// `StoreError.compacted` when that history is gone, and otherwise runs until the consumer stops.
    public func watch(after revision: Int64) -> AsyncThrowingStream<StoreEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: StoreEvent.self)
        do {
            try writer.writeWithoutTransaction { db in
                for event in try Self.events(after: revision, db) {
                    continuation.yield(event)
                }
                let id = watchers.withLock { registry in registry.add(continuation) }
                continuation.onTermination = { [weak self] _ in
                    self?.watchers.withLock { registry in registry.remove(id) }
                }
            }
        } catch {
            continuation.finish(throwing: Self.storeError(error, path: path))
        }
        return stream
    }

    /// Hands committed changes to every watch; called on the writer, so commits arrive in order.
    func publish(_ events: [StoreEvent]) {
        guard !events.isEmpty else { return }
        watchers.withLock { registry in
            for continuation in registry.continuations.values {
                for event in events { continuation.yield(event) }
            }
        }
    }
}

/// The open watches of a store.
struct WatcherRegistry: Sendable {
    private(set) var continuations: [Int: AsyncThrowingStream<StoreEvent, any Error>.Continuation] = [:]
    private var nextID = 0

    mutating func add(_ continuation: AsyncThrowingStream<StoreEvent, any Error>.Continuation) -> Int {
        nextID += 1
        continuations[nextID] = continuation
        return nextID
    }

    mutating func remove(_ id: Int) {
        continuations[id] = nil
    }
}
