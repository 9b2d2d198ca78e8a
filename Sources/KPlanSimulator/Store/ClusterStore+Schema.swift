import GRDB

extension ClusterStore {
    /// `PRAGMA application_id` of a kplan state database: "kpln" in ASCII.
    public static let applicationID: Int32 = 0x6B70_6C6E

    /// The schema's migrations; the first one stamps the application id.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(
                sql: """
                    CREATE TABLE meta (name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL) WITHOUT ROWID;
                    INSERT INTO meta (name, value) VALUES ('revision', 0), ('compacted', 0);
                    CREATE TABLE object (
                        api_group TEXT NOT NULL, kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
                        create_revision INTEGER NOT NULL, mod_revision INTEGER NOT NULL, value TEXT NOT NULL,
                        PRIMARY KEY (api_group, kind, namespace, name)
                    ) WITHOUT ROWID;
                    CREATE TABLE event (
                        revision INTEGER PRIMARY KEY NOT NULL,
                        type TEXT NOT NULL CHECK (type IN ('put', 'delete')),
                        api_group TEXT NOT NULL, kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
                        create_revision INTEGER NOT NULL, value TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2-applied-configuration") { db in
            try db.execute(
                sql: """
                    CREATE TABLE applied_configuration (
                        api_group TEXT NOT NULL, kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
                        manager TEXT NOT NULL, digest TEXT NOT NULL, mod_revision INTEGER NOT NULL,
                        PRIMARY KEY (api_group, kind, namespace, name, manager)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v3-applied-configuration-uid") { db in
            // The uid the object had when the configuration was applied, so that a plan need not read
            // every object's value for it; existing records take it from their object.
            try db.execute(
                sql: """
                    ALTER TABLE applied_configuration ADD COLUMN uid TEXT;
                    UPDATE applied_configuration SET uid = (
                        SELECT json_extract(o.value, '$.metadata.uid') FROM object AS o
                        WHERE o.api_group = applied_configuration.api_group AND o.kind = applied_configuration.kind
                        AND o.namespace = applied_configuration.namespace AND o.name = applied_configuration.name);
                    """)
        }
        migrator.registerMigration("v4-object-revision-index") { db in
            // Objects' revisions without their values: checking many applied configurations are
            // current reads this narrow index instead of the object rows.
            try db.execute(sql: "CREATE INDEX object_revision ON object (api_group, kind, namespace, name, mod_revision)")
        }
        migrator.registerMigration("v5-current-applied-configurations") { db in
            // Writes now forget an object's records, so those kept are current and a plan reads them
            // without joining the objects' revisions: stale records and the index for the join go.
            try db.execute(
                sql: """
                    DELETE FROM applied_configuration WHERE NOT EXISTS (
                        SELECT 1 FROM object AS o
                        WHERE o.api_group = applied_configuration.api_group AND o.kind = applied_configuration.kind
                        AND o.namespace = applied_configuration.namespace AND o.name = applied_configuration.name
                        AND o.mod_revision = applied_configuration.mod_revision);
                    DROP INDEX object_revision;
                    """)
        }
        return migrator
    }
}
