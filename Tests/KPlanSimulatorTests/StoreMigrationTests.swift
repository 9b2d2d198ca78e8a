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
            let applied = try store.appliedConfigurations(keys: [key], manager: "kplan")[key]
            #expect(applied == AppliedConfiguration(digest: "digest", appliedRevision: 7, modRevision: 7, uid: "0b1c2d3e-aaaa-bbbb-cccc-000000000001"))
        }
    }
}
