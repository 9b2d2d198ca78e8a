import Foundation
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

extension CELNetwork {
    /// The canonical text of an address: dotted IPv4, or RFC 5952 IPv6 (lowercase, the longest run of
    /// two or more zero groups, leftmost on a tie, written `::`).
    static func render(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        var bestStart = -1
        var bestLength = 1
        var i = 0
        while i < 8 {
            guard groups[i] == 0 else { i += 1; continue }
            var j = i
            while j < 8, groups[j] == 0 { j += 1 }
            if j - i > bestLength { (bestStart, bestLength) = (i, j - i) }
            i = j
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestStart >= 0 else { return hex.joined(separator: ":") }
        let head = hex[0..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return "\(head)::\(tail)"
    }

    /// `bytes` with every bit past `prefix` cleared.
    static func masked(_ bytes: [UInt8], prefix: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let keep = min(max(prefix - index * 8, 0), 8)
            return keep == 8 ? byte : byte & ~(UInt8(0xff) >> keep)
        }
    }

    private static func isUnspecified(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 == 0 } }

    private static func isLoopback(_ bytes: [UInt8]) -> Bool {
        bytes.count == 4 ? bytes[0] == 127 : bytes == Array(repeating: 0, count: 15) + [1]
    }

    private static func isLinkLocalUnicast(_ bytes: [UInt8]) -> Bool {
        bytes.count == 4 ? bytes[0..<2] == [169, 254] : bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80
    }

    /// The IP and CIDR methods of the Kubernetes net library, or nil when `name` is not one for `target`.
    static func method(_ name: String, _ target: CELValue, _ args: [CELValue]) throws(CELEvalError) -> CELValue? {
        switch (target, name, args.count) {
        case (.ip(let bytes), "family", 0): return .int(bytes.count == 4 ? 4 : 6)
        case (.ip(let bytes), "isUnspecified", 0): return .bool(isUnspecified(bytes))
        case (.ip(let bytes), "isLoopback", 0): return .bool(isLoopback(bytes))
        case (.ip(let bytes), "isLinkLocalMulticast", 0):
            return .bool(bytes.count == 4 ? bytes[0..<3] == [224, 0, 0] : bytes[0] == 0xff && bytes[1] & 0x0f == 0x02)
        case (.ip(let bytes), "isLinkLocalUnicast", 0): return .bool(isLinkLocalUnicast(bytes))
        case (.ip(let bytes), "isGlobalUnicast", 0):
            let multicast = bytes.count == 4 ? bytes[0] & 0xf0 == 0xe0 : bytes[0] == 0xff
            let broadcast = bytes.count == 4 && bytes.allSatisfy { $0 == 0xff }
            let special = isUnspecified(bytes) || isLoopback(bytes) || isLinkLocalUnicast(bytes)
            return .bool(!multicast && !broadcast && !special)
        case (.cidr(let bytes, _), "ip", 0): return .ip(bytes)
        case (.cidr(let bytes, let prefix), "masked", 0): return .cidr(masked(bytes, prefix: prefix), prefix: prefix)
        case (.cidr(_, let prefix), "prefixLength", 0): return .int(Int64(prefix))
        case (.cidr(let bytes, let prefix), "containsIP", 1):
            let other: [UInt8]
            switch args[0] {
            case .ip(let ip): other = ip
            case .string(let s):
                guard let ip = parseIP(s) else { throw .failure("IP address '\(s)' parse error") }
                other = ip
            default: return nil
            }
            return .bool(other.count == bytes.count && masked(other, prefix: prefix) == masked(bytes, prefix: prefix))
        case (.cidr(let bytes, let prefix), "containsCIDR", 1):
            let other: (address: [UInt8], prefix: Int)
            switch args[0] {
            case .cidr(let address, let otherPrefix): other = (address, otherPrefix)
            case .string(let s):
                guard let parsed = parseCIDR(s) else { throw .failure("network address '\(s)' parse error") }
                other = parsed
            default: return nil
            }
            return .bool(
                other.address.count == bytes.count && other.prefix >= prefix
                    && masked(other.address, prefix: prefix) == masked(bytes, prefix: prefix))
        default: return nil
        }
    }
}
