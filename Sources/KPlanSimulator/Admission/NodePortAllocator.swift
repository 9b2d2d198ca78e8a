import KPlanCore

/// Allocates Service node ports from the node port range, deterministically: the lowest free port.
public struct NodePortAllocator: Sendable {
    /// The ports that may be allocated.
    public let range: ClosedRange<Int>

    /// The allocator for Kubernetes' default range, 30000–32767.
    public static let standard = NodePortAllocator(range: 30000...32767)

    /// Creates an allocator for `range`.
    public init(range: ClosedRange<Int>) {
        self.range = range
    }

    /// A port for `field` (`spec.ports[0].nodePort`): `requested` when given (refused when outside the
    /// range or in use), else the lowest free one. The chosen port is added to `inUse`.
    public func allocate(requested: Int?, inUse: inout Set<Int>, field: String, serviceName: String) throws(APIError) -> Int {
        if let requested, requested != 0 {
            guard range.contains(requested) else {
                throw invalid(serviceName, field, requested,
                              "provided port is not in the valid range. The range of valid ports is \(range.lowerBound)-\(range.upperBound)")
            }
            guard !inUse.contains(requested) else {
                throw invalid(serviceName, field, requested, "provided port is already allocated")
            }
            inUse.insert(requested)
            return requested
        }
        guard let port = range.first(where: { !inUse.contains($0) }) else {
            throw APIError(.internalError, "Internal error occurred: failed to allocate a nodePort: range is full")
        }
        inUse.insert(port)
        return port
    }

    private func invalid(_ serviceName: String, _ field: String, _ port: Int, _ detail: String) -> APIError {
        APIError(.invalid, "Service \"\(serviceName)\" is invalid: \(field): Invalid value: \(port): \(detail)",
                 causes: [APIError.Cause(type: "FieldValueInvalid", message: "Invalid value: \(port): \(detail)", field: field)])
    }
}
