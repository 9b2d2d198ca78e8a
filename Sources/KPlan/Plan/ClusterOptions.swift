import Foundation
import KPlanValidation

/// Which cluster a command works on and how it is opened.
public struct ClusterOptions: Sendable {
    /// The state database of the embedded cluster.
    public var statePath: String
    /// Kubernetes version whose kinds and schemas the cluster serves.
    public var kubernetesVersion: String
    /// How long to wait for another kplan process writing the same state.
    public var lockTimeout: Duration

    /// Where the state is when neither `--state` nor `KPLAN_STATE` says.
    public static let defaultStatePath = ".kplan/cluster.db"

    /// Options from the command line: `--state` wins over `KPLAN_STATE`, which wins over the default.
    public init(statePath: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                kubernetesVersion: String? = nil, lockTimeout: Duration = .seconds(10)) {
        self.statePath = statePath ?? environment["KPLAN_STATE"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultStatePath
        self.kubernetesVersion = kubernetesVersion ?? SchemaRegistry.defaultVersion
        self.lockTimeout = lockTimeout
    }
}
