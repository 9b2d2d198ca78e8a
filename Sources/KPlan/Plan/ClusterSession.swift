import KPlanCore
import KPlanSimulator

/// An open cluster for one command: the embedded cluster on its state database and, for commands
/// that write, the state lock that keeps two of them from interleaving.
public struct ClusterSession: Sendable {
    /// The cluster.
    public let cluster: EmbeddedCluster
    /// Held while the session writes; nil for read-only sessions.
    public let lock: StateLock?
    /// The state database's path, as given.
    public let statePath: String

    /// Opens the embedded cluster at `options.statePath` (creating it on first use). With `exclusive`,
    /// first takes the state lock, waiting up to `options.lockTimeout`, and opens the state for writing;
    /// without, opens an existing state read-only (see `StoreAccess`).
    /// - Throws: `StoreError` for a locked, corrupt or unreadable state; `SchemaRegistryError` for an
    ///   unsupported Kubernetes version.
    public static func open(
        _ options: ClusterOptions, exclusive: Bool, clock: any ClusterClock = SystemClock(), uids: UIDGenerator = .random()
    ) throws -> ClusterSession {
        let lock = exclusive ? try StateLock.acquire(for: options.statePath, wait: options.lockTimeout) : nil
        let store = try ClusterStore(path: options.statePath, access: exclusive ? .readWrite : .readOnly)
        let cluster = try EmbeddedCluster(store: store, kubernetesVersion: options.kubernetesVersion, clock: clock, uids: uids)
        return ClusterSession(cluster: cluster, lock: lock, statePath: options.statePath)
    }

    /// Gives the lock up.
    public func close() {
        lock?.release()
    }
}
