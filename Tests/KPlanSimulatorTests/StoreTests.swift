import KPlanCore
import KPlanSimulator
import Testing

@Suite struct StoreTests {
    @Test func aNewStoreIsEmptyAtRevisionZero() throws {
        let store = try ClusterStore.inMemory()
        #expect(try store.revision == 0)
        #expect(try store.count == 0)
        #expect(try store.get(configMapKey("a")) == nil)
    }

    @Test func putThenGetRoundTripsTheValue() throws {
        let store = try ClusterStore.inMemory()
        let value: JSONValue = [
            "metadata": ["name": "a", "labels": ["x": "y"]], "data": ["k": "line\n\"q\" é 🚀"],
            "n": 9_223_372_036_854_775_807, "d": 0.5, "b": true, "z": nil, "list": [1, "two", [:]],
        ]
        let revision = try store.write { transaction in try transaction.put(configMapKey("a"), value) }
        #expect(revision == 1)
        #expect(try store.get(configMapKey("a")) == StoredObject(key: configMapKey("a"), value: value, createRevision: 1, modRevision: 1))
    }

    @Test func everyPutAndDeleteBumpsTheRevisionOnce() throws {
        let store = try ClusterStore.inMemory()
        try store.write { (transaction: inout StoreTransaction) throws in
            #expect(transaction.nextRevision == 1)
            #expect(try transaction.put(configMapKey("a"), configMap("a")) == 1)
            #expect(try transaction.put(configMapKey("b"), configMap("b")) == 2)
            #expect(try transaction.put(configMapKey("a"), configMap("a", data: ["k": "v"])) == 3)
            #expect(transaction.revision == 3)
        }
        #expect(try store.revision == 3)
        #expect(try store.get(configMapKey("a"))?.createRevision == 1)
        #expect(try store.get(configMapKey("a"))?.modRevision == 3)
        #expect(try store.get(configMapKey("b"))?.modRevision == 2)
        let deleted = try store.write { transaction in try transaction.delete(configMapKey("b")) }
        #expect(deleted == 4)
        #expect(try store.revision == 4)
        #expect(try store.get(configMapKey("b")) == nil)
    }

    @Test func deletingAnAbsentKeyChangesNothing() throws {
        let store = try ClusterStore.inMemory()
        try store.write { transaction in _ = try transaction.put(configMapKey("a"), configMap("a")) }
        let deleted = try store.write { transaction in try transaction.delete(configMapKey("missing")) }
        #expect(deleted == nil)
        #expect(try store.revision == 1)
        #expect(try store.events(after: 0).count == 1)
    }

    @Test func recreatingAKeyStartsANewCreateRevision() throws {
        let store = try ClusterStore.inMemory()
        try store.write { transaction in
            try transaction.put(configMapKey("a"), configMap("a"))
            try transaction.delete(configMapKey("a"))
            try transaction.put(configMapKey("a"), configMap("a"))
        }
        let object = try #require(try store.get(configMapKey("a")))
        #expect(object.createRevision == 3)
        #expect(object.modRevision == 3)
    }

    @Test func preconditionsOnModRevision() throws {
        let store = try ClusterStore.inMemory()
        let key = configMapKey("a")
        try store.write { transaction in _ = try transaction.put(key, configMap("a"), expectedModRevision: 0) }
        #expect(throws: StoreError.conflict(key, expected: 0, actual: 1)) {
            try store.write { transaction in try transaction.put(key, configMap("a"), expectedModRevision: 0) }
        }
        #expect(throws: StoreError.conflict(key, expected: 7, actual: 1)) {
            try store.write { transaction in try transaction.put(key, configMap("a"), expectedModRevision: 7) }
        }
        #expect(try store.write { transaction in try transaction.put(key, configMap("a"), expectedModRevision: 1) } == 2)
        #expect(throws: StoreError.conflict(key, expected: 1, actual: 2)) {
            try store.write { transaction in try transaction.delete(key, expectedModRevision: 1) }
        }
        #expect(throws: StoreError.conflict(configMapKey("b"), expected: 3, actual: 0)) {
            try store.write { transaction in try transaction.put(configMapKey("b"), configMap("b"), expectedModRevision: 3) }
        }
        #expect(try store.write { transaction in try transaction.delete(key, expectedModRevision: 2) } == 3)
        #expect(try store.revision == 3)
    }

    @Test func aThrowRollsBackEveryWriteOfTheTransaction() throws {
        struct Refusal: Error, Equatable {}
        let store = try ClusterStore.inMemory()
        try store.write { transaction in _ = try transaction.put(configMapKey("keep"), configMap("keep")) }
        #expect(throws: Refusal()) {
            try store.write { transaction in
                try transaction.put(configMapKey("a"), configMap("a"))
                try transaction.delete(configMapKey("keep"))
                throw Refusal()
            }
        }
        #expect(throws: StoreError.self) {
            try store.write { transaction in
                try transaction.put(configMapKey("b"), configMap("b"))
                try transaction.put(configMapKey("keep"), configMap("keep"), expectedModRevision: 5)
            }
        }
        #expect(try store.revision == 1)
        #expect(try store.count == 1)
        #expect(try store.get(configMapKey("keep"))?.modRevision == 1)
        #expect(try store.events(after: 0).map(\.revision) == [1])
        #expect(try store.write { transaction in try transaction.put(configMapKey("a"), configMap("a")) } == 2)
    }

    @Test func transactionsSeeTheirOwnWrites() throws {
        let store = try ClusterStore.inMemory()
        try store.write { (transaction: inout StoreTransaction) throws in
            try transaction.put(configMapKey("a"), configMap("a"))
            #expect(try transaction.get(configMapKey("a"))?.modRevision == 1)
            #expect(try transaction.list(group: "", kind: "ConfigMap").map(\.key.name) == ["a"])
        }
    }

    @Test func batchedGetReturnsThoseThatExist() throws {
        let store = try ClusterStore.inMemory()
        let keys = (0..<2000).map { configMapKey("cm-\($0)", namespace: "ns-\($0 % 7)") }
        try store.write { transaction in
            for key in keys where key.name.hasSuffix("0") == false {
                try transaction.put(key, configMap(key.name))
            }
            try transaction.put(ResourceKey(group: "", kind: "Namespace", namespace: "", name: "quote\"d\\"), ["x": 1])
        }
        let wanted = keys + [configMapKey("absent"), ResourceKey(group: "", kind: "Namespace", namespace: "", name: "quote\"d\\")]
        let found = try store.get(keys: wanted)
        #expect(found.count == 1801)
        #expect(found[configMapKey("cm-11", namespace: "ns-4")]?.value == configMap("cm-11"))
        #expect(found[configMapKey("cm-10", namespace: "ns-3")] == nil)
        #expect(found[ResourceKey(group: "", kind: "Namespace", namespace: "", name: "quote\"d\\")]?.value == ["x": 1])
        #expect(try store.get(keys: []).isEmpty)
    }

    @Test func listFiltersAndSorts() throws {
        let store = try ClusterStore.inMemory()
        let deployment = ResourceKey(group: "apps", kind: "Deployment", namespace: "a", name: "web")
        try store.write { transaction in
            try transaction.put(configMapKey("z", namespace: "b"), configMap("z"))
            try transaction.put(configMapKey("y", namespace: "a"), configMap("y"))
            try transaction.put(configMapKey("x", namespace: "b"), configMap("x"))
            try transaction.put(deployment, ["kind": "Deployment"])
        }
        #expect(try store.list(group: "", kind: "ConfigMap").map(\.key) == [configMapKey("y", namespace: "a"), configMapKey("x", namespace: "b"), configMapKey("z", namespace: "b")])
        #expect(try store.list(group: "", kind: "ConfigMap", namespace: "b").map(\.key.name) == ["x", "z"])
        #expect(try store.list(group: "apps", kind: "ConfigMap").isEmpty)
        #expect(try store.list(group: nil, kind: nil, namespace: "a").map(\.key) == [deployment, configMapKey("y", namespace: "a")].sorted())
        #expect(try store.list(group: nil, kind: nil).count == 4)
    }

    @Test func errorMessagesNameThePathAndWhatToDo() {
        #expect(
            StoreError.corrupt(path: ".kplan/cluster.db", detail: "the file is empty").description
                == "state .kplan/cluster.db is not a usable kplan state database: the file is empty; "
                + "it was left untouched: move it aside or pass another --state path")
        #expect(
            StoreError.conflict(configMapKey("a"), expected: 3, actual: 5).description
                == "ConfigMap default/a was expected at revision 3 but it is at revision 5; read it again and retry")
        #expect(
            StoreError.conflict(configMapKey("a"), expected: 0, actual: 5).description
                == "ConfigMap default/a was expected to be absent but it is at revision 5; read it again and retry")
        #expect(
            StoreError.compacted(requested: 2, compactedThrough: 9).description
                == "history after revision 2 is no longer available: revisions up to 9 were compacted; "
                + "list again and watch from the current revision")
    }
}
