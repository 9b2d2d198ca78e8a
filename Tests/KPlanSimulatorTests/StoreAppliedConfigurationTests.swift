import KPlanCore
@testable import KPlanSimulator
import Testing

@Suite struct StoreAppliedConfigurationTests {
    /// A store with ten ConfigMaps `cm-0` … `cm-9`, each applied by `kplan` with digest `d<i>`; `cm-3`
    /// was written again afterwards.
    private func store() throws -> ClusterStore {
        let store = try ClusterStore.inMemory()
        try store.write { transaction in
            for index in 0..<10 {
                let key = configMapKey("cm-\(index)")
                let revision = try transaction.put(key, configMap("cm-\(index)"))
                try transaction.recordApplied(key, manager: "kplan", digest: "d\(index)", modRevision: revision, uid: "uid-\(index)")
            }
            _ = try transaction.put(configMapKey("cm-3"), configMap("cm-3", data: ["changed": "yes"]))
        }
        return store
    }

    /// Few keys are looked up one by one, many by reading all of the manager's records; both give
    /// the same answers, in the order of the keys asked.
    @Test(arguments: [["cm-1", "cm-3", "missing"], ["cm-0", "cm-1", "cm-2", "cm-3", "cm-4", "cm-5", "missing"]])
    func recordsComeBackForTheKeysAskedInTheirOrder(names: [String]) throws {
        let store = try store()
        let found = try store.appliedConfigurations(keys: names.map { configMapKey($0) }, manager: "kplan")
        let expected = names.map { name -> AppliedConfiguration? in
            guard name != "missing", name != "cm-3", let index = Int(name.dropFirst(3)) else { return nil }
            return AppliedConfiguration(digest: "d\(index)", modRevision: Int64(index + 1), uid: "uid-\(index)")
        }
        #expect(found == expected)
    }

    @Test func anotherManagersRecordsAreNotReturned() throws {
        let store = try store()
        #expect(try store.appliedConfigurations(keys: [configMapKey("cm-1")], manager: "helm") == [nil])
        #expect(try store.appliedConfigurations(keys: (0..<10).map { configMapKey("cm-\($0)") }, manager: "helm").allSatisfy { $0 == nil })
    }

    /// A record describes the object as an apply left it: any later put or delete forgets every
    /// manager's record of that object, and only that object's.
    @Test func writingOrDeletingAnObjectForgetsItsRecords() throws {
        let store = try store()
        try store.write { transaction in
            try transaction.recordApplied(configMapKey("cm-5"), manager: "helm", digest: "h5", modRevision: 6, uid: "uid-5")
        }
        let keys = ["cm-4", "cm-5", "cm-6"].map { configMapKey($0) }
        #expect(try store.appliedConfigurations(keys: keys, manager: "helm").map { $0?.digest } == [nil, "h5", nil])
        try store.write { transaction in
            _ = try transaction.put(configMapKey("cm-5"), configMap("cm-5", data: ["changed": "yes"]))
            _ = try transaction.delete(configMapKey("cm-6"))
        }
        #expect(try store.appliedConfigurations(keys: keys, manager: "kplan").map { $0?.digest } == ["d4", nil, nil])
        #expect(try store.appliedConfigurations(keys: keys, manager: "helm").allSatisfy { $0 == nil })
    }
}
