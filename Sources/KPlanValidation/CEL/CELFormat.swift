/// A named Kubernetes string format from the CEL `format` library (`format.dns1123Label()`).
///
/// `validate(s)` returns an optional list of errors in Kubernetes; here it returns `null` when the
/// string is valid and the list of errors otherwise, so `validate(s) == null` reads as intended.
enum CELFormat: String, Sendable, CaseIterable {
    case dns1123Label
    case dns1123Subdomain
    case dns1035Label
    case qualifiedName
    case labelValue

    /// The reasons `text` does not have this format; empty when it does.
    func errors(_ text: String) -> [String] {
        switch self {
        case .dns1123Label:
            return Self.check(text, max: 63, isLabel(text, letterFirst: false), "a lowercase RFC 1123 label")
        case .dns1035Label:
            return Self.check(text, max: 63, isLabel(text, letterFirst: true), "a DNS-1035 label")
        case .dns1123Subdomain:
            let labels = text.split(separator: ".", omittingEmptySubsequences: false)
            let valid = !text.isEmpty && labels.allSatisfy { isLabel(String($0), letterFirst: false) }
            return Self.check(text, max: 253, valid, "a lowercase RFC 1123 subdomain")
        case .labelValue:
            return Self.check(text, max: 63, text.isEmpty || isQualifiedNamePart(text), "a valid label value")
        case .qualifiedName:
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            let valid: Bool
            switch parts.count {
            case 1: valid = isQualifiedNamePart(text) && text.count <= 63
            case 2:
                valid = CELFormat.dns1123Subdomain.errors(String(parts[0])).isEmpty
                    && isQualifiedNamePart(String(parts[1])) && parts[1].count <= 63
            default: valid = false
            }
            return valid ? [] : ["must be a qualified name (an optional DNS subdomain prefix and '/', and a name)"]
        }
    }

    private static func check(_ text: String, max: Int, _ valid: Bool, _ what: String) -> [String] {
        var errors: [String] = []
        if text.unicodeScalars.count > max { errors.append("must be no more than \(max) characters") }
        if !valid { errors.append("must be \(what)") }
        return errors
    }

    private func isLabel(_ text: String, letterFirst: Bool) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        let lowerAlnum = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("0"..."9").contains(c) }
        guard letterFirst ? ("a"..."z").contains(first) : lowerAlnum(first), lowerAlnum(last) else { return false }
        return scalars.allSatisfy { lowerAlnum($0) || $0 == "-" }
    }

    private func isQualifiedNamePart(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        let alnum = { (c: Unicode.Scalar) in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
        }
        return alnum(first) && alnum(last) && scalars.allSatisfy { alnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }
}
