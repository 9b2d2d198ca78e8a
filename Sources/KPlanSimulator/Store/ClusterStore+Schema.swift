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
        return migrator
    }
}
