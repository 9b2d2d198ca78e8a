/// How a command opens the state database.
public enum StoreAccess: Sendable {
    /// Reads and writes; an existing file is checked whole before the first write.
    case readWrite
    /// Reads only: SQLite cannot change the file, and reports damage where a read meets it.
    case readOnly
}
