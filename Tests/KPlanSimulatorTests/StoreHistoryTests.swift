import KPlanCore
import KPlanSimulator
import Testing

@Suite struct StoreHistoryTests {
    @Test func eventsReplayPutsAndDeletesWithTheirValues() throws {
        let store = try ClusterStore.inMemory()
        try store.write { transaction in
            try transaction.put(configMapKey("a"), configMap("a"))
            try transaction.put(configMapKey("a"), configMap("a", data: ["k": "v"]))
        }
        try store.write { transaction in _ = try transaction.delete(configMapKey("a")) }
        let events = try store.events(after: 0)
        #expect(events == [
            StoreEvent(revision: 1, kind: .put, key: configMapKey("a"), value: configMap("a"), createRevision: 1),
            StoreEvent(revision: 2, kind: .put, key: configMapKey("a"), value: configMap("a", data: ["k": "v"]), createRevision: 1),
            StoreEvent(revision: 3, kind: .delete, key: configMapKey("a"), value: configMap("a", data: ["k": "v"]), createRevision: 1),
        ])
        #expect(events.map(\.isCreation) == [true, false, false])
        #expect(try store.events(after: 2).map(\.revision) == [3])
        #expect(try store.events(after: 3).isEmpty)
    }

    @Test func compactionDropsOldHistoryAndRefusesToReplayIt() throws {
        let store = try ClusterStore.inMemory()
        try store.write { transaction in
            for index in 0..<5 { try transaction.put(configMapKey("cm-\(index)"), configMap("cm-\(index)")) }
        }
        try store.compact(through: 3)
        #expect(try store.compactedRevision == 3)
        #expect(try store.events(after: 3).map(\.revision) == [4, 5])
        #expect(throws: StoreError.compacted(requested: 2, compactedThrough: 3)) { try store.events(after: 2) }
        try store.compact(through: 1)
        #expect(try store.compactedRevision == 3)
        try store.compact(through: 99)
        #expect(try store.compactedRevision == 5)
        #expect(try store.events(after: 5).isEmpty)
        #expect(try store.count == 5)
    }

    @Test func historyIsCompactedAutomaticallyBeyondTheLimit() throws {
        let store = try ClusterStore.inMemory(historyLimit: 10)
        for index in 0..<40 {
            try store.write { transaction in _ = try transaction.put(configMapKey("a"), configMap("a", data: ["i": .int(Int64(index))])) }
        }
        let compacted = try store.compactedRevision
        #expect(compacted > 0)
        #expect(compacted <= 30)
        let events = try store.events(after: compacted)
        #expect(events.count >= 10)
        #expect(events.last?.revision == 40)
        #expect(throws: StoreError.self) { try store.events(after: 0) }
    }

    @Test func watchReplaysHistoryThenDeliversLaterCommits() async throws {
        let store = try ClusterStore.inMemory()
        try store.write { transaction in
            try transaction.put(configMapKey("a"), configMap("a"))
            try transaction.put(configMapKey("b"), configMap("b"))
        }
        var iterator = store.watch(after: 1).makeAsyncIterator()
        try store.write { transaction in _ = try transaction.delete(configMapKey("a")) }
        #expect(try await iterator.next()?.revision == 2)
        let deletion = try await iterator.next()
        #expect(deletion?.kind == .delete)
        #expect(deletion?.key == configMapKey("a"))
        #expect(deletion?.revision == 3)
    }

    @Test func watchOfCompactedHistoryFails() async throws {
        let store = try ClusterStore.inMemory()
        try store.write { transaction in
            try transaction.put(configMapKey("a"), configMap("a"))
            try transaction.put(configMapKey("b"), configMap("b"))
        }
        try store.compact(through: 2)
        await #expect(throws: StoreError.compacted(requested: 0, compactedThrough: 2)) {
            for try await _ in store.watch(after: 0) {}
        }
    }

    @Test func watchesSeeConcurrentWritersInOrderWithoutGapsOrRepeats() async throws {
        let store = try ClusterStore.inMemory()
        let writers = 4
        let writesEach = 50
        let total = writers * writesEach + 1
        try store.write { transaction in _ = try transaction.put(configMapKey("seed"), configMap("seed")) }
        let early = store.watch(after: 0)
        let collect: @Sendable (AsyncThrowingStream<StoreEvent, any Error>) async throws -> [Int64] = { stream in
            var revisions: [Int64] = []
            for try await event in stream {
                revisions.append(event.revision)
                if revisions.count == total { break }
            }
            return revisions
        }
        let earlyRevisions = Task { try await collect(early) }
        let writes = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        for index in 0..<writesEach {
                            try store.write { transaction in
                                _ = try transaction.put(configMapKey("w\(writer)-\(index)"), configMap("x"))
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let midRevisions = Task { try await collect(store.watch(after: 0)) }
        try await writes.value
        let expected = Array(Int64(1)...Int64(total))
        #expect(try await earlyRevisions.value == expected)
        #expect(try await midRevisions.value == expected)
        #expect(try await collect(store.watch(after: 0)) == expected)
    }

    @Test func aWatchEndsWhenItsConsumerIsCancelled() async throws {
        let store = try ClusterStore.inMemory()
        let consumer = Task {
            var count = 0
            for try await _ in store.watch(after: 0) { count += 1 }
            return count
        }
        try store.write { transaction in _ = try transaction.put(configMapKey("a"), configMap("a")) }
        consumer.cancel()
        let delivered = try await consumer.value
        #expect(delivered <= 1)
        try store.write { transaction in _ = try transaction.put(configMapKey("b"), configMap("b")) }
    }
}
