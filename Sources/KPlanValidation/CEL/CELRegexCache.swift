import Foundation

/// Compiled regular expressions for `matches`, `find` and `findAll`, shared across evaluations and threads.
///
/// CEL specifies RE2. `matches` runs patterns on `CELRegex`, a linear-time automaton with RE2's syntax
/// and semantics, so no pattern can hang evaluation. Patterns using syntax it lacks (`\p{…}`, `\Q…\E`),
/// and `find`/`findAll`, which need match spans, use ICU (NSRegularExpression), which backtracks; for
/// the patterns CRDs use the two agree, except: ICU accepts backreferences and lookaround that RE2
/// rejects (the API server rejects such rules when the CRD is written); ICU's `$` also matches before
/// a final line terminator, so an unescaped `$` outside a class is rewritten to `\z` unless the
/// pattern turns on multi-line mode; ICU treats `[` inside a class as a nested set where RE2 takes it
/// literally.
final class CELRegexCache: @unchecked Sendable {
    /// The process-wide cache.
    static let shared = CELRegexCache()

    private let lock = NSLock()
    private var programs: [String: CELRegex] = [:]
    private var unsupported: Set<String> = []
    private var compiled: [String: NSRegularExpression] = [:]
    private static let capacity = 4096

    /// True when `pattern` matches somewhere in `text` (RE2's unanchored `MatchString`).
    func matches(_ text: String, pattern: String) throws(CELEvalError) -> Bool {
        if let program = try program(for: pattern) { return program.matches(text) }
        let regex = try expression(for: pattern)
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }

    /// The linear-time program for `pattern`, or nil when it uses syntax only ICU handles.
    private func program(for pattern: String) throws(CELEvalError) -> CELRegex? {
        lock.lock()
        let cached = programs[pattern]
        let isUnsupported = unsupported.contains(pattern)
        lock.unlock()
        if let cached { return cached }
        if isUnsupported { return nil }
        let program: CELRegex?
        do throws(CELRegexCompiler.Failure) {
            program = try CELRegexCompiler.compile(pattern)
        } catch {
            switch error {
            case .invalid(let reason): throw .failure("invalid regular expression '\(pattern)': \(reason)")
            case .unsupported: program = nil
            }
        }
        lock.lock()
        if programs.count + unsupported.count >= Self.capacity {
            programs.removeAll()
            unsupported.removeAll()
        }
        if let program { programs[pattern] = program } else { unsupported.insert(pattern) }
        lock.unlock()
        return program
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
