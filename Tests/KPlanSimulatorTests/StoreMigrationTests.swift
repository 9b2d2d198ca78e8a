import Foundation
import GRDB
import KPlanCore
@testable import KPlanSimulator
import Testing

@Suite struct StoreMigrationTests {
    /// A state written before applied configurations kept the object's uid gets it from the object
    /// when opened, so a plan can still tell its unchanged applies.
    @Test func appliedConfigurationsOfAnOlderStateTakeTheirObjectsUID() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/cluster.db"
            let key = configMapKey("settings")
            var value = configMap("settings")
            value.set("0b1c2d3e-aaaa-bbbb-cccc-000000000001", at: ["metadata", "uid"])
            do {
                let queue = try DatabaseQueue(path: path)
                try ClusterStore.migrator.migrate(queue, upTo: "v2-applied-configuration")
                try queue.write { db in
                    try db.execute(
                        sql: "INSERT INTO object VALUES (?, ?, ?, ?, 7, 7, ?)",
                        arguments: [key.group, key.kind, key.namespace, key.name, value.compactJSON])
                    try db.execute(
                        sql: "INSERT INTO applied_configuration VALUES (?, ?, ?, ?, 'kplan', 'digest', 7)",
                        arguments: [key.group, key.kind, key.namespace, key.name])
                }
            }
            let store = try ClusterStore(path: path)
            let applied = try store.appliedConfigurations(keys: [key], manager: "kplan")
            #expect(applied == [AppliedConfiguration(digest: "digest", modRevision: 7, uid: "0b1c2d3e-aaaa-bbbb-cccc-000000000001")])
        }
    }

    /// Records of objects written since their apply are dropped when an older state is opened, for
    /// writing or for reading only (an older state is migrated first): the records kept must be current.
    @Test(arguments: [StoreAccess.readWrite, .readOnly])
    func staleAppliedConfigurationsOfAnOlderStateAreDropped(access: StoreAccess) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/cluster.db"
            let keys = [configMapKey("current"), configMapKey("rewritten")]
            do {
                let queue = try DatabaseQueue(path: path)
                try ClusterStore.migrator.migrate(queue, upTo: "v4-object-revision-index")
                try queue.write { db in
                    for (key, revisions) in zip(keys, [(7, 7), (9, 8)]) {
                        try db.execute(
                            sql: "INSERT INTO object VALUES (?, ?, ?, ?, 1, ?, ?)",
                            arguments: [key.group, key.kind, key.namespace, key.name, revisions.0, configMap(key.name).compactJSON])
                        try db.execute(
                            sql: "INSERT INTO applied_configuration VALUES (?, ?, ?, ?, 'kplan', 'digest', ?, 'uid')",
                            arguments: [key.group, key.kind, key.namespace, key.name, revisions.1])
                    }
                }
            }
            let store = try ClusterStore(path: path, access: access)
            #expect(try store.appliedConfigurations(keys: keys, manager: "kplan") == [AppliedConfiguration(digest: "digest", modRevision: 7, uid: "uid"), nil])
        }
    }
}
