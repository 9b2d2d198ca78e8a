/// URLs for Kubernetes' CEL URL library (`url()`, `isURL()`), parsed as Go's `url.ParseRequestURI`
/// does for the forms CRDs meet: an absolute URL with a scheme, or an absolute path.
struct CELURL: Sendable, Hashable {
    /// The scheme, without `:`; empty for an absolute path.
    var scheme: String
    /// `host[:port]`, as written (IPv6 hosts keep their brackets).
    var host: String
    /// The path as written.
    var path: String
    /// The query after `?`, as written.
    var query: String

    /// The URL in `text`, or nil when it is not one `url()` accepts.
    init?(_ text: String) {
        guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            return nil
        }
        var rest = Substring(text)
        if let queryStart = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: queryStart)...])
            rest = rest[..<queryStart]
        } else {
            query = ""
        }
        if rest.hasPrefix("/") {
            scheme = ""
            host = ""
            path = String(rest)
            return
        }
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let schemeText = rest[..<colon]
        guard let first = schemeText.first, first.isASCII, first.isLetter,
            schemeText.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        scheme = String(schemeText)
        rest = rest[rest.index(after: colon)...]
        guard rest.hasPrefix("//") else {
            host = ""
            path = ""
            return
        }
        rest = rest.dropFirst(2)
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        host = String(authority)
        path = String(rest[authorityEnd...])
        guard host.allSatisfy({ $0 != " " }), let port = Self.port(of: host), port.allSatisfy(\.isNumber) else {
            return nil
        }
    }

    /// The host without a port, and without brackets for IPv6.
    var hostname: String {
        var name = Substring(host)
        if name.hasPrefix("["), let close = name.firstIndex(of: "]") {
            return String(name[name.index(after: name.startIndex)..<close])
        }
        if let colon = name.lastIndex(of: ":") { name = name[..<colon] }
        return String(name)
    }

    /// The port digits in `host`, empty when there is none; nil when the host is malformed.
    private static func port(of host: String) -> String? {
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let after = host[host.index(after: close)...]
            if after.isEmpty { return "" }
            return after.hasPrefix(":") ? String(after.dropFirst()) : nil
        }
        guard let colon = host.lastIndex(of: ":") else { return "" }
        return String(host[host.index(after: colon)...])
    }

    /// The URL library's methods, or nil when `name` is not one.
    func method(_ name: String) -> CELValue? {
        switch name {
        case "getScheme": return .string(scheme)
        case "getHost": return .string(host)
        case "getHostname": return .string(hostname)
        case "getPort": return .string(Self.port(of: host) ?? "")
        case "getEscapedPath": return .string(path)
        case "getQuery":
            var map = CELMap(keys: [], values: [])
            for pair in query.split(separator: "&") where !pair.isEmpty {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = CELValue.string(Self.unescape(parts[0]))
                let value = CELValue.string(parts.count > 1 ? Self.unescape(parts[1]) : "")
                if let index = map.keys.firstIndex(where: { CELValue.equal($0, key) }),
                    case .list(let values) = map.values[index]
                {
                    map.values[index] = .list(values + [value])
                } else {
                    map.keys.append(key)
                    map.values.append(.list([value]))
                }
            }
            return .map(map)
        default: return nil
        }
    }

    /// Percent-decoding, with `+` as a space, as Go's query parsing does.
    private static func unescape(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
