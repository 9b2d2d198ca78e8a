import KPlanCore

/// The cluster IPs and node ports the stored Services hold, read only when an allocation needs
/// them: most Service updates keep the addresses they hold, and then no other Service is read.
public struct ServiceAddressesInUse: Sendable {
    private let read: @Sendable () throws(APIError) -> (clusterIPs: Set<String>, nodePorts: Set<Int>)

    /// Addresses known up front.
    public init(clusterIPs: Set<String> = [], nodePorts: Set<Int> = []) {
        read = { (clusterIPs, nodePorts) }
    }

    /// Addresses read by `read` when first needed (it may be called more than once, and should
    /// cache); a failure to read them refuses the write, as the API server's storage errors do.
    public init(reading read: @escaping @Sendable () throws(APIError) -> (clusterIPs: Set<String>, nodePorts: Set<Int>)) {
        self.read = read
    }

    /// Cluster IPs held by Services (the one being written, if stored, included).
    func clusterIPs() throws(APIError) -> Set<String> {
        try read().clusterIPs
    }

    /// Node ports held by Services (the one being written, if stored, included).
    func nodePorts() throws(APIError) -> Set<Int> {
        try read().nodePorts
    }
}
