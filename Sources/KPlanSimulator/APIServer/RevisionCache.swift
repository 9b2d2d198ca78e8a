import Synchronization

/// A value derived from the store (the schemas with the stored CRDs, the Service addresses in use),
/// valid at one revision. Reads at a later revision recompute it, unless every write since was
/// this process's own and was folded in (or known not to matter) with `advance`.
final class RevisionCache<Value: Sendable>: Sendable {
    private let state = Mutex<(revision: Int64, value: Value)?>(nil)

    /// The value at `revision`, computed anew when the cached one is for another revision.
    func value(at revision: Int64, compute: () throws -> Value) rethrows -> Value {
        if let cached = state.withLock({ $0 }), cached.revision == revision { return cached.value }
        let fresh = try compute()
        state.withLock { $0 = (revision, fresh) }
        return fresh
    }

    /// Records a write that moved the store from `old` to `new`: a cache current at `old` stays
    /// current, changed by `update`; any other cache is dropped.
    func advance(from old: Int64, to new: Int64, update: (inout Value) -> Void = { _ in }) {
        state.withLock { state in
            guard var cached = state, cached.revision == old else {
                state = nil
                return
            }
            update(&cached.value)
            cached.revision = new
            state = cached
        }
    }

    /// Caches `value` as the one at `revision`.
    func set(_ value: Value, at revision: Int64) {
        state.withLock { $0 = (revision, value) }
    }

    /// Drops the cached value.
    func invalidate() {
        state.withLock { $0 = nil }
    }
}
