import KPlanCore

/// Carries out a plan against a backend, wave by wave, one write at a time, stopping at the first
/// failed write. A re-run converges: applies are idempotent and a new plan sees what was done.
public struct PlanApplier: Sendable {
    /// The cluster written to.
    public var backend: any ClusterBackend
    /// The field manager applies are made as.
    public var fieldManager: String
    /// Take ownership of fields other managers own.
    public var forceConflicts: Bool

    /// Creates an applier.
    public init(backend: any ClusterBackend, fieldManager: String, forceConflicts: Bool) {
        self.backend = backend
        self.fieldManager = fieldManager
        self.forceConflicts = forceConflicts
    }

    /// Applies every change that is not `unchanged`, in plan order; `progress` hears each write done.
    public func apply(_ plan: Plan, progress: @Sendable (PlannedChange) -> Void = { _ in }) async -> ApplyReport {
        let pending = plan.changes.filter { $0.action != .unchanged }
        var report = ApplyReport(applied: [], failure: nil, notApplied: [])
        for (index, change) in pending.enumerated() {
            do {
                try await write(change)
                report.applied.append(change)
                progress(change)
            } catch {
                report.failure = ApplyFailure(change: change, message: (error as? APIError)?.message ?? String(describing: error),
                                              causes: (error as? APIError)?.causes ?? [])
                report.notApplied = Array(pending[(index + 1)...])
                return report
            }
        }
        return report
    }

    private func write(_ change: PlannedChange) async throws {
        switch change.action {
        case .create, .update:
            guard let desired = change.desired else { return }
            _ = try await backend.apply(desired, options: ApplyOptions(fieldManager: fieldManager, force: forceConflicts))
        case .delete:
            _ = try await backend.delete(change.key, options: DeleteOptions(uid: change.liveUID, resourceVersion: change.liveResourceVersion))
        case .unchanged:
            return
        }
    }
}

/// What an apply did.
public struct ApplyReport: Sendable {
    /// Changes written, in order.
    public var applied: [PlannedChange]
    /// The write that failed, if one did.
    public var failure: ApplyFailure?
    /// Changes not attempted because an earlier write failed.
    public var notApplied: [PlannedChange]

    /// Whether every change was written.
    public var succeeded: Bool { failure == nil }
}

/// The write that stopped an apply.
public struct ApplyFailure: Sendable {
    /// The change that failed.
    public var change: PlannedChange
    /// The API server's message.
    public var message: String
    /// Field-level detail.
    public var causes: [APIError.Cause]
}
