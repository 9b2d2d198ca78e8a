import Foundation

/// Compiled regular expressions for `matches`, shared across evaluations and threads.
///
/// CEL specifies RE2; this uses ICU (NSRegularExpression). For the patterns CRDs use (anchors,
/// classes, `(?i)`, repetition) the two agree, with these differences: ICU accepts backreferences and
/// lookaround that RE2 rejects (the API server rejects such rules when the CRD is written, so they do
/// not reach us); ICU's `$` also matches before a final line terminator, so an unescaped `$` outside a
/// class is rewritten to `\z` unless the pattern turns on multi-line mode; ICU treats `[` inside a
/// class as a nested set where RE2 takes it literally.
final class CELRegexCache: @unchecked Sendable {
    /// The process-wide cache.
    static let shared = CELRegexCache()

    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression] = [:]
    private static let capacity = 4096

    /// True when `pattern` matches somewhere in `text` (RE2's unanchored `MatchString`).
    func matches(_ text: String, pattern: String) throws(CELEvalError) -> Bool {
        let regex = try expression(for: pattern)
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }

    /// Up to `limit` (all when negative) non-overlapping matches of `pattern` in `text`.
    func find(_ text: String, pattern: String, limit: Int64) throws(CELEvalError) -> [String] {
        guard limit != 0 else { return [] }
        let regex = try expression(for: pattern)
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        var found: [String] = []
        for match in regex.matches(in: text, options: [], range: range) {
            if limit > 0, found.count >= limit { break }
            if let matched = Range(match.range, in: text) { found.append(String(text[matched])) }
        }
        return found
    }

    private func expression(for pattern: String) throws(CELEvalError) -> NSRegularExpression {
        lock.lock()
        let cached = compiled[pattern]
        lock.unlock()
        if let cached { return cached }
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: Self.icuPattern(pattern))
        } catch {
            throw .failure("invalid regular expression '\(pattern)'")
        }
        lock.lock()
        if compiled.count >= Self.capacity { compiled.removeAll() }
        compiled[pattern] = regex
        lock.unlock()
        return regex
    }

    /// RE2's `$` (end of text unless multi-line) in ICU spelling.
    static func icuPattern(_ pattern: String) -> String {
        if pattern.contains("(?m") || pattern.contains("(?sm") || pattern.contains("(?im") { return pattern }
        var out = ""
        var escaped = false
        var inClass = false
        for c in pattern {
            if escaped {
                escaped = false
                out.append(c)
                continue
            }
            switch c {
            case "\\": escaped = true; out.append(c)
            case "[": inClass = true; out.append(c)
            case "]": inClass = false; out.append(c)
            case "$" where !inClass: out += "\\z"
            default: out.append(c)
            }
        }
        return out
    }
}
