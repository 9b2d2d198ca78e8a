/// IP address and CIDR parsing for Kubernetes' CEL net library (`isIP`, `isCIDR`).
///
/// As in Kubernetes: IPv4 octets with leading zeros, IPv6 zones and IPv4-mapped IPv6 addresses are
/// rejected.
enum CELNetwork {
    /// The address bytes (4 or 16) of `text`, or nil when it is not an address Kubernetes accepts.
    static func parseIP(_ text: String) -> [UInt8]? {
        if text.contains(":") {
            guard let bytes = parseIPv6(text) else { return nil }
            if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff { return nil }
            return bytes
        }
        return parseIPv4(text)
    }

    /// The address and prefix length of `text` (`10.0.0.0/8`), or nil when it is not a CIDR.
    static func parseCIDR(_ text: String) -> (address: [UInt8], prefix: Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = parseIP(String(parts[0])),
            let prefixText = Optional(parts[1]), !prefixText.isEmpty, prefixText.allSatisfy(\.isASCII),
            prefixText.allSatisfy(\.isNumber), prefixText == "0" || !prefixText.hasPrefix("0"),
            let prefix = Int(prefixText), prefix <= address.count * 8
        else { return nil }
        return (address, prefix)
    }

    private static func parseIPv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part == "0" || !part.hasPrefix("0"), let value = UInt8(part)
            else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    private static func parseIPv6(_ text: String) -> [UInt8]? {
        guard !text.contains("%") else { return nil }
        var head: [UInt16] = []
        var tail: [UInt16] = []
        var sawGap = false
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String, allowIPv4: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (i, piece) in pieces.enumerated() {
                if allowIPv4, i == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseIPv4(String(piece)) else { return nil }
                    result.append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
                    result.append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
                    continue
                }
                guard !piece.isEmpty, piece.count <= 4, let value = UInt16(piece, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        if halves.count == 2 {
            sawGap = true
            guard let h = groups(halves[0], allowIPv4: false), let t = groups(halves[1], allowIPv4: true) else {
                return nil
            }
            head = h
            tail = t
            guard head.count + tail.count <= 7 else { return nil }
        } else {
            guard let h = groups(text, allowIPv4: true), h.count == 8 else { return nil }
            head = h
        }
        let all = sawGap ? head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail : head
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }
}
