/// A path pattern from the configuration's `exclude` list.
///
/// `*` matches any run of characters within one path segment, `?` one character, and a `**` segment
/// any number of whole segments (including none). A pattern without `/` matches the file name at any
/// depth, as in `.gitignore`. Matching is case-sensitive.
struct LintGlob: Sendable, Hashable {
    private let segments: [Substring]

    /// Compiles a pattern.
    init(_ pattern: String) {
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        segments = parts.count == 1 && !pattern.contains("/") ? ["**", parts[0]] : parts
    }

    /// Whether a `/`-separated relative path matches.
    func matches(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        return Self.match(segments[...], components[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let component = path.first, matchSegment(Array(first.unicodeScalars)[...], Array(component.unicodeScalars)[...])
        else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case "*":
            var remaining = text
            while true {
                if matchSegment(pattern.dropFirst(), remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        case "?":
            return !text.isEmpty && matchSegment(pattern.dropFirst(), text.dropFirst())
        default:
            return text.first == first && matchSegment(pattern.dropFirst(), text.dropFirst())
        }
    }
}
