import KPlanCore

/// Allocates Service cluster IPs from the service CIDR, deterministically: the lowest free address.
/// The first address after the network address is kept for the `kubernetes` Service in `default`.
public struct ClusterIPAllocator: Sendable {
    /// The service CIDR's network address.
    public let network: UInt32
    /// The prefix length of the service CIDR.
    public let prefixLength: Int

    /// The allocator for `10.96.0.0/12`, kubeadm's default service CIDR.
    public static let standard = ClusterIPAllocator(network: 0x0A60_0000, prefixLength: 12)

    /// Creates an allocator for `network`/`prefixLength`.
    public init(network: UInt32, prefixLength: Int) {
        self.network = network
        self.prefixLength = prefixLength
    }

    /// The CIDR as text (`10.96.0.0/12`).
    public var cidr: String { "\(Self.format(network))/\(prefixLength)" }

    /// The address reserved for the `kubernetes` Service (`10.96.0.1`).
    public var kubernetesServiceIP: String { Self.format(network + 1) }

    private var broadcast: UInt32 { network | (UInt32.max >> UInt32(prefixLength)) }

    /// The address for a Service: `requested` when given (refused when malformed, outside the range or
    /// in use), else the lowest free one. `inUse` are the addresses Services hold, less `ownedBefore`,
    /// the ones this Service held before (an update may keep them).
    /// - Parameter isKubernetesService: whether this is `default/kubernetes`, the only Service that
    ///   may take the reserved first address.
    public func allocate(requested: String?, inUse: Set<String>, ownedBefore: Set<String> = [], isKubernetesService: Bool = false,
                         serviceName: String) throws(APIError) -> String {
        if let requested, !requested.isEmpty {
            guard let address = Self.parse(requested) else {
                throw invalid(serviceName, requested, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", field: "spec.clusterIPs[0]")
            }
            guard address > network && address < broadcast else {
                throw invalid(serviceName, requested,
                              "failed to allocate IP \(requested): the provided IP (\(requested)) is not in the valid range. The range of valid IPs is \(cidr)")
            }
            // Addresses are compared as text: `parse` accepts only the canonical dotted quad.
            guard !inUse.contains(requested) || ownedBefore.contains(requested) else {
                throw invalid(serviceName, requested, "failed to allocate IP \(requested): provided IP is already allocated")
            }
            return requested
        }
        // Candidates are looked up as text (every stored address is canonical text), so the
        // addresses in use are not parsed again for each allocation.
        func isFree(_ address: String) -> Bool { !inUse.contains(address) || ownedBefore.contains(address) }
        if isKubernetesService && isFree(kubernetesServiceIP) { return kubernetesServiceIP }
        var candidate = network + 2
        while candidate < broadcast {
            let address = Self.format(candidate)
            if isFree(address) { return address }
            candidate += 1
        }
        throw APIError(.internalError, "Internal error occurred: failed to allocate a serviceIP: range is full")
    }

    private func invalid(_ serviceName: String, _ requested: String, _ detail: String, field: String = "spec.clusterIPs") -> APIError {
        let cause = "\(field): Invalid value: []string{\"\(requested)\"}: \(detail)"
        return APIError(.invalid, "Service \"\(serviceName)\" is invalid: \(cause)",
                        causes: [APIError.Cause(type: "FieldValueInvalid", message: "Invalid value: []string{\"\(requested)\"}: \(detail)", field: field)])
    }

    /// A dotted-quad IPv4 address as a number; nil when malformed.
    static func parse(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let octet = UInt32(part), octet <= 255,
                  part == "0" || !part.hasPrefix("0")
            else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    /// A number as a dotted-quad IPv4 address (written digit by digit: allocation formats one
    /// candidate after another).
    static func format(_ address: UInt32) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 15) { buffer in
            var count = 0
            func append(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            for shift: UInt32 in [24, 16, 8, 0] {
                let octet = UInt8(truncatingIfNeeded: address >> shift)
                if shift != 24 { append(UInt8(ascii: ".")) }
                if octet >= 100 { append(UInt8(ascii: "0") + octet / 100) }
                if octet >= 10 { append(UInt8(ascii: "0") + octet / 10 % 10) }
                append(UInt8(ascii: "0") + octet % 10)
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }
}
