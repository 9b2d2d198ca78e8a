import KPlanCore
import KPlanDiff
import KPlanSimulator

/// `kplan delete -f`: deletes the objects the manifests name, dependents first (the plan's
/// dependency order reversed), continuing past objects that are not there.
public struct ManifestDeletion: Sendable {
    /// The cluster deleted from.
    public var cluster: EmbeddedCluster

    /// Creates a deletion.
    public init(cluster: EmbeddedCluster) {
        self.cluster = cluster
    }

    /// One object's outcome.
    public enum Result: Sendable {
        /// Deleted, or only marked for deletion when `pending` (finalizers remain).
        case deleted(KubeObject, pending: Bool)
        /// It did not exist.
        case notFound(String)
        /// The cluster refused.
        case refused(String)
    }

    /// Deletes what `manifests` name.
    /// - Throws: `ManifestDeletionError` when the manifests cannot be read (malformed YAML).
    public func delete(_ manifests: ManifestOptions, propagation: PropagationPolicy, dryRun: Bool) async throws -> [Result] {
        let desired = try DesiredState.load(manifests, kubernetesVersion: cluster.builtin.version, resources: try await cluster.resources())
        let unreadable = desired.lint.diagnostics.filter { $0.severity == .error && ($0.code.hasPrefix("yaml.") || $0.code.hasPrefix("input.")) }
        if let first = unreadable.first {
            throw ManifestDeletionError(message: "\(first.location.file):\(first.location.range.start.line):\(first.location.range.start.column): \(first.message)")
        }
        let objects = desired.objects.map(\.object)
        let order = zip(objects, DependencyOrder.deletionWaves(for: objects)).sorted { $0.1 < $1.1 }.map(\.0)
        var results: [Result] = []
        for object in order {
            do {
                switch try await cluster.delete(object.key, options: DeleteOptions(propagationPolicy: propagation, dryRun: dryRun)) {
                case .deleted(let gone): results.append(.deleted(gone, pending: false))
                case .pending(let marked): results.append(.deleted(marked, pending: true))
                }
            } catch let error as APIError {
                results.append(error.reason == .notFound ? .notFound(error.message) : .refused(error.message))
            }
        }
        return results
    }
}

/// Why `kplan delete -f` could not read its manifests.
public struct ManifestDeletionError: Error, Sendable, CustomStringConvertible {
    /// The first unreadable spot.
    public var message: String

    public var description: String { message }
}
