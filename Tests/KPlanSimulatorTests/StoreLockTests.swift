import Foundation
import KPlanSimulator
import Testing

@Suite struct StoreLockTests {
    @Test func aSecondHolderIsRefusedWithTheFirstOnesPidAndCommand() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/.kplan/cluster.db"
            let first = try StateLock.acquire(for: path, command: "kplan apply -f app.yaml", wait: .zero)
            #expect(first.lockPath == path + ".lock")
            let holder = "pid \(ProcessInfo.processInfo.processIdentifier): kplan apply -f app.yaml"
            #expect(throws: StoreError.locked(path: path, holder: holder)) {
                try StateLock.acquire(for: path, command: "kplan plan", wait: .milliseconds(100))
            }
            #expect(
                StoreError.locked(path: path, holder: holder).description
                    == "state \(path) is in use by another kplan process (\(holder)); try again when it finishes")
            first.release()
            let second = try StateLock.acquire(for: path, command: "kplan plan", wait: .zero)
            second.release()
        }
    }

    @Test func droppingALockReleasesIt() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/cluster.db"
            do {
                let held = try StateLock.acquire(for: path, command: "kplan apply", wait: .zero)
                #expect(throws: StoreError.self) { try StateLock.acquire(for: path, command: "kplan get", wait: .zero) }
                _ = held
            }
            let again = try StateLock.acquire(for: path, command: "kplan get", wait: .zero)
            again.release()
            again.release()
        }
    }

    @Test func aWaiterGetsTheLockWhenTheHolderFinishes() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/cluster.db"
        let held = try StateLock.acquire(for: path, command: "kplan apply", wait: .zero)
        let waiter = Task.detached { try StateLock.acquire(for: path, command: "kplan plan", wait: .seconds(20)) }
        try await Task.sleep(for: .milliseconds(150))
        held.release()
        let acquired = try await waiter.value
        #expect(acquired.lockPath == path + ".lock")
        acquired.release()
    }
}
