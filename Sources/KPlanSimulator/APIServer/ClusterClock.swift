import Foundation

/// The simulated cluster's source of time: the system clock for real use, a clock that moves only when
/// told for tests and, later, the simulator's virtual time.
public protocol ClusterClock: Sendable {
    /// Now, in seconds since 1970.
    func now() -> Int64
}

extension ClusterClock {
    /// Now as Kubernetes writes timestamps: RFC 3339, UTC, whole seconds (`2026-11-25T10:00:00Z`).
    public func timestamp() -> String {
        Self.format(now())
    }

    /// `seconds` since 1970 as an RFC 3339 UTC timestamp.
    public static func format(_ seconds: Int64) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

/// The system's wall clock.
public struct SystemClock: ClusterClock {
    /// Creates the system clock.
    public init() {}

    public func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
}

/// A clock that stands still at a given time: reproducible timestamps for tests and goldens.
public struct FixedClock: ClusterClock {
    /// The time it shows, in seconds since 1970.
    public var seconds: Int64

    /// A clock showing `seconds` since 1970.
    public init(seconds: Int64) {
        self.seconds = seconds
    }

    public func now() -> Int64 { seconds }
}
