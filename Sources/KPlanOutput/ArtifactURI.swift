/// File paths as URI references, for SARIF's `artifactLocation.uri`.
enum ArtifactURI {
    /// `file:///abs/path` for an absolute path, else the path relative to the source root, without a
    /// leading `./`; characters outside RFC 3986's unreserved, sub-delims, `@` and `/` are
    /// percent-encoded (so is `:`, which could read as a scheme).
    static func uri(for path: String) -> String {
        if path.hasPrefix("/") { return "file://" + encode(path) }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return encode(relative)
    }

    private static func encode(_ path: some StringProtocol) -> String {
        var output = ""
        for byte in path.utf8 {
            if allowed.contains(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }

    private static let allowed: Set<UInt8> = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=@/".utf8
    )
}
