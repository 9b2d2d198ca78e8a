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
    /// the same answers.
    @Test(arguments: [["cm-1", "cm-3", "missing"], ["cm-0", "cm-1", "cm-2", "cm-3", "cm-4", "cm-5", "missing"]])
    func recordsComeBackForTheKeysAskedOnly(names: [String]) throws {
        let store = try store()
        let found = try store.appliedConfigurations(keys: names.map { configMapKey($0) }, manager: "kplan")
        #expect(found.keys.map(\.name).sorted() == names.filter { $0 != "missing" })
        #expect(found[configMapKey("cm-1")] == AppliedConfiguration(digest: "d1", appliedRevision: 2, modRevision: 2, uid: "uid-1"))
        #expect(found[configMapKey("cm-3")]?.isCurrent == false)
        #expect(found[configMapKey("cm-3")]?.modRevision == 11)
    }

    @Test func anotherManagersRecordsAreNotReturned() throws {
        let store = try store()
        #expect(try store.appliedConfigurations(keys: [configMapKey("cm-1")], manager: "helm").isEmpty)
        #expect(try store.appliedConfigurations(keys: (0..<10).map { configMapKey("cm-\($0)") }, manager: "helm").isEmpty)
    }
}
