/// The Kubernetes API server's name and key syntaxes (`k8s.io/apimachinery/pkg/util/validation`), as
/// hand-written matchers over UTF-8 bytes so they cost no regex compilation.
///
/// Each function returns the API server's messages for a value, empty when the value is valid. Lengths
/// count bytes, as Go's `len` does.
enum NameSyntax {
    /// Longest DNS-1123 label (RFC 1123).
    static let dns1123LabelMaxLength = 63
    /// Longest DNS-1123 subdomain (RFC 1123).
    static let dns1123SubdomainMaxLength = 253
    /// Longest name part of a qualified name (label and annotation keys).
    static let qualifiedNameMaxLength = 63
    /// Longest label value.
    static let labelValueMaxLength = 63
    /// Longest IANA service (port) name.
    static let portNameMaxLength = 15

    /// The API server's DNS-1123 label regex (unanchored, as its messages quote it).
    static let dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    /// The DNS-1123 subdomain regex.
    static let dns1123SubdomainFormat = dns1123LabelFormat + "(\\." + dns1123LabelFormat + ")*"
    /// The DNS-1035 label regex.
    static let dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?"
    /// The regex for the name part of a qualified name.
    static let qualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    /// The label value regex.
    static let labelValueFormat = "(" + qualifiedNameFormat + ")?"
    /// The ConfigMap and Secret key regex.
    static let configMapKeyFormat = "[-._a-zA-Z0-9]+"
    /// The wildcard DNS-1123 subdomain regex.
    static let wildcardDNS1123SubdomainFormat = "\\*\\." + dns1123SubdomainFormat

    private static let dns1123LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
    private static let dns1123SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
    private static let dns1035LabelMessage = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
    private static let qualifiedNameMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    private static let labelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    private static let wildcardDNS1123SubdomainMessage = "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character"
    private static let configMapKeyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'"

    // MARK: Messages

    /// Go's `validation.RegexError`: the message, examples, and the regex used.
    static func regexError(_ message: String, _ format: String, _ examples: String...) -> String {
        guard !examples.isEmpty else { return "\(message) (regex used for validation is '\(format)')" }
        let quoted = examples.map { "'\($0)', " }.joined(separator: "or ")
        return "\(message) (e.g. \(quoted)regex used for validation is '\(format)')"
    }

    /// Go's `validation.MaxLenError`.
    static func maxLengthError(_ length: Int) -> String { "must be no more than \(length) characters" }

    /// Go's `validation.EmptyError`.
    static let emptyError = "must be non-empty"

    // MARK: Validators

    /// `IsDNS1123Label`: at most 63 bytes of `[a-z0-9]([-a-z0-9]*[a-z0-9])?`.
    static func dns1123Label(_ value: String) -> [String] {
        var errors: [String] = []
        let bytes = value.utf8
        if bytes.count > dns1123LabelMaxLength { errors.append(maxLengthError(dns1123LabelMaxLength)) }
        if !withBytes(value, isDNS1123Label) {
            if withBytes(value, isDNS1123Subdomain) {
                errors.append("must not contain dots")
            } else {
                errors.append(regexError(dns1123LabelMessage, dns1123LabelFormat, "my-name", "123-abc"))
            }
        }
        return errors
    }

    /// `IsDNS1123Subdomain`: at most 253 bytes of dot-separated DNS-1123 labels.
    static func dns1123Subdomain(_ value: String) -> [String] {
        var errors: [String] = []
        let bytes = value.utf8
        if bytes.count > dns1123SubdomainMaxLength { errors.append(maxLengthError(dns1123SubdomainMaxLength)) }
        if !withBytes(value, isDNS1123Subdomain) {
            errors.append(regexError(dns1123SubdomainMessage, dns1123SubdomainFormat, "example.com"))
        }
        return errors
    }

    /// `IsWildcardDNS1123Subdomain`: `*.` followed by a DNS-1123 subdomain, at most 253 bytes in all.
    static func wildcardDNS1123Subdomain(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > dns1123SubdomainMaxLength { errors.append(maxLengthError(dns1123SubdomainMaxLength)) }
        if !value.hasPrefix("*.") || !isDNS1123Subdomain(value.dropFirst(2).utf8) {
            errors.append(regexError(wildcardDNS1123SubdomainMessage, wildcardDNS1123SubdomainFormat, "*.example.com"))
        }
        return errors
    }

    /// Whether `value` reads as an IPv4 address the way Go's sloppy parser does (four decimal octets).
    static func isIPv4Address(_ value: String) -> Bool {
        guard value.utf8.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }) else { return false }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                !part.isEmpty && part.utf8.count <= 3 && part.utf8.allSatisfy(isDigit) && Int(part).map { $0 <= 255 } == true
            }
    }

    /// `IsDNS1035Label`: a DNS-1123 label that starts with a letter.
    static func dns1035Label(_ value: String) -> [String] {
        var errors: [String] = []
        let bytes = value.utf8
        if bytes.count > dns1123LabelMaxLength { errors.append(maxLengthError(dns1123LabelMaxLength)) }
        if !isDNS1123Label(bytes) || !isLowerLetter(bytes.first ?? 0) {
            errors.append(regexError(dns1035LabelMessage, dns1035LabelFormat, "my-name", "abc-123"))
        }
        return errors
    }

    /// `IsQualifiedName`: an optional DNS-1123 subdomain prefix and `/`, then a name of at most 63 bytes.
    static func qualifiedName(_ value: String) -> [String] {
        if withBytes(value, isQualifiedName) { return [] }
        let bytes = value.utf8
        var slash: String.UTF8View.Index?
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") {
                if slash != nil {
                    return [
                        "a qualified name "
                            + regexError(qualifiedNameMessage, qualifiedNameFormat, "MyName", "my.name", "123-abc")
                            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
                    ]
                }
                slash = index
            }
            bytes.formIndex(after: &index)
        }
        var errors: [String] = []
        let name: Substring.UTF8View
        if let slash {
            let prefix = bytes[..<slash]
            name = bytes[bytes.index(after: slash)...]
            if prefix.isEmpty {
                errors.append("prefix part " + emptyError)
            } else {
                errors += dns1123Subdomain(String(decoding: prefix, as: UTF8.self)).map { "prefix part " + $0 }
            }
        } else {
            name = bytes[...]
        }
        if name.isEmpty {
            errors.append("name part " + emptyError)
        } else if name.count > qualifiedNameMaxLength {
            errors.append("name part " + maxLengthError(qualifiedNameMaxLength))
        }
        if !isQualifiedNamePart(name) {
            errors.append("name part " + regexError(qualifiedNameMessage, qualifiedNameFormat, "MyName", "my.name", "123-abc"))
        }
        return errors
    }

    /// `IsValidLabelValue`: empty, or at most 63 bytes shaped like a qualified name's name part.
    static func labelValue(_ value: String) -> [String] {
        var errors: [String] = []
        let bytes = value.utf8
        if bytes.count > labelValueMaxLength { errors.append(maxLengthError(labelValueMaxLength)) }
        if !bytes.isEmpty && !withBytes(value, isQualifiedNamePart) {
            errors.append(regexError(labelValueMessage, labelValueFormat, "MyValue", "my_value", "12345"))
        }
        return errors
    }

    /// `IsConfigMapKey`: at most 253 bytes of `[-._a-zA-Z0-9]`, not `.`, `..` or starting with `..`.
    static func configMapKey(_ value: String) -> [String] {
        var errors: [String] = []
        let bytes = value.utf8
        if bytes.count > dns1123SubdomainMaxLength { errors.append(maxLengthError(dns1123SubdomainMaxLength)) }
        let allowed = bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }
        if bytes.isEmpty || !allowed {
            errors.append(regexError(configMapKeyMessage, configMapKeyFormat, "key.name", "KEY_NAME", "key-name"))
        }
        if value == "." {
            errors.append("must not be '.'")
        } else if value == ".." {
            errors.append("must not be '..'")
        } else if value.hasPrefix("..") {
            errors.append("must not start with '..'")
        }
        return errors
    }

    /// `IsValidPortName`: an IANA service name — at most 15 bytes of `[-a-z0-9]`, at least one letter,
    /// no leading, trailing or doubled hyphen.
    static func portName(_ value: String) -> [String] {
        var errors: [String] = []
        let bytes = value.utf8
        if bytes.count > portNameMaxLength { errors.append(maxLengthError(portNameMaxLength)) }
        if bytes.isEmpty || !bytes.allSatisfy({ isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }) {
            errors.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if !bytes.contains(where: isLowerLetter) { errors.append("must contain at least one letter (a-z)") }
        if zip(value.utf8, value.utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: "-") && $1 == UInt8(ascii: "-") }) {
            errors.append("must not contain consecutive hyphens")
        }
        if bytes.first == UInt8(ascii: "-") || bytes.last == UInt8(ascii: "-") {
            errors.append("must not begin or end with a hyphen")
        }
        return errors
    }

    /// `IsValidPortNum`: 1 through 65535.
    static func portNumber(_ value: Int64) -> [String] {
        (1...65535).contains(value) ? [] : ["must be between 1 and 65535, inclusive"]
    }

    /// `path.IsValidPathSegmentName` (with `prefix`, only the forbidden characters are checked).
    static func pathSegmentName(_ value: String, prefix: Bool) -> [String] {
        if !prefix {
            if value == "." { return ["may not be '.'"] }
            if value == ".." { return ["may not be '..'"] }
        }
        var errors: [String] = []
        if value.utf8.contains(UInt8(ascii: "/")) { errors.append("may not contain '/'") }
        if value.utf8.contains(UInt8(ascii: "%")) { errors.append("may not contain '%'") }
        return errors
    }

    /// `maskTrailingDash`: a `generateName` may end in `-`, so the last two bytes become `a` before checking.
    static func maskTrailingDash(_ value: String) -> String {
        let bytes = Array(value.utf8)
        guard bytes.count > 1, bytes.last == UInt8(ascii: "-") else { return value }
        return String(decoding: bytes.dropLast(2), as: UTF8.self) + "a"
    }

    /// `body` over the UTF-8 bytes of `value`, read in place (label keys and names are checked on
    /// every object: walking a `String.UTF8View` by index costs several times more).
    private static func withBytes(_ value: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        value.utf8.withContiguousStorageIfAvailable(body) ?? Array(value.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether `qualifiedName` finds nothing wrong: one optional non-empty DNS-1123 subdomain prefix of
    /// at most 253 bytes and `/`, then a name part of 1 to 63 bytes.
    private static func isQualifiedName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else {
            return bytes.count <= qualifiedNameMaxLength && isQualifiedNamePart(bytes)
        }
        let prefix = UnsafeBufferPointer(rebasing: bytes[..<slash])
        let name = UnsafeBufferPointer(rebasing: bytes[(slash + 1)...])
        return !prefix.isEmpty && prefix.count <= dns1123SubdomainMaxLength && isDNS1123Subdomain(prefix)
            && name.count <= qualifiedNameMaxLength && isQualifiedNamePart(name)
    }

    // MARK: Byte classes

    private static func isLowerLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool { isLowerLetter(byte) || isDigit(byte) }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`
    private static func isDNS1123Label<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        return isLowerAlphanumeric(first) && isLowerAlphanumeric(last)
            && bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// `^label(\.label)*$`, in one pass: every dot-separated label non-empty, of `[-a-z0-9]`, starting
    /// and ending with an alphanumeric.
    private static func isDNS1123Subdomain<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous = UInt8(ascii: ".")
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard isLowerAlphanumeric(previous) else { return false }
            } else if byte == UInt8(ascii: "-") {
                guard previous != UInt8(ascii: ".") else { return false }
            } else {
                guard isLowerAlphanumeric(byte) else { return false }
            }
            previous = byte
        }
        return isLowerAlphanumeric(previous)
    }

    /// `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`
    private static func isQualifiedNamePart<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        return isAlphanumeric(first) && isAlphanumeric(last)
            && bytes.allSatisfy {
                isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            }
    }
}
