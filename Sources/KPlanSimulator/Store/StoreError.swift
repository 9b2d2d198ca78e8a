import KPlanCore

/// Why the cluster store refused or failed an operation; each message names the state file and says
/// what to do.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file at `path` is not a kplan state database (not SQLite, damaged, or another
    /// application's); it was left untouched.
    case corrupt(path: String, detail: String)
    /// Another process holds the state lock; `holder` describes it (`pid 1234: kplan apply`).
    case locked(path: String, holder: String)
    /// A write's precondition failed: `key` was expected at `expected` (0 = absent) but is at
    /// `actual` (0 = absent).
    case conflict(ResourceKey, expected: Int64, actual: Int64)
    /// History at or below `compactedThrough` was dropped; `requested` asked for part of it.
    case compacted(requested: Int64, compactedThrough: Int64)
    /// The database or a file around it could not be read or written.
    case io(path: String, detail: String)

    /// A message for the user.
    public var description: String {
        switch self {
        case .corrupt(let path, let detail):
            return "state \(path) is not a usable kplan state database: \(detail); "
                + "it was left untouched: move it aside or pass another --state path"
        case .locked(let path, let holder):
            return "state \(path) is in use by another kplan process (\(holder)); try again when it finishes"
        case .conflict(let key, let expected, let actual):
            let expectedText = expected == 0 ? "to be absent" : "at revision \(expected)"
            let actualText = actual == 0 ? "it is absent" : "it is at revision \(actual)"
            return "\(key) was expected \(expectedText) but \(actualText); read it again and retry"
        case .compacted(let requested, let compactedThrough):
            return "history after revision \(requested) is no longer available: "
                + "revisions up to \(compactedThrough) were compacted; list again and watch from the current revision"
        case .io(let path, let detail):
            return "state \(path): \(detail)"
        }
    }
}
