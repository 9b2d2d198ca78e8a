import Foundation
/// Compiles RE2 syntax into a `CELRegex` program.
///
/// Supported: literals and escapes, `.`, classes (ranges, negation, Perl `\d\s\w` and POSIX
/// `[:alpha:]` classes), groups (`(…)`, `(?:…)`, `(?P<name>…)`, `(?<name>…)`), flags `i`, `m`, `s`,
/// `U` (as `(?flags)` or `(?flags:…)`), alternation, `* + ? {n} {n,} {n,m}` (lazy forms too), and the
/// assertions `^ $ \A \z \b \B`. Unicode classes (`\p{…}`) and `\Q…\E` are `unsupported`.
struct CELRegexCompiler {
    /// Why a pattern did not compile.
    enum Failure: Error {
        /// The pattern is not valid RE2.
        case invalid(String)
        /// The pattern uses RE2 syntax this engine does not implement.
        case unsupported(String)
    }

    /// Largest program accepted, as RE2 bounds its programs (counted repetition expands).
    static let maxInstructions = 20_000
    /// Largest repetition count, as in RE2.
    static let maxRepeat = 1000

    private struct Flags {
        var foldCase = false
        var multiLine = false
        var dotNewline = false
    }

    private let pattern: [Unicode.Scalar]
    private var position = 0
    private var flags = Flags()
    private var program: [CELRegex.Instruction] = []

    /// The program for `pattern`.
    static func compile(_ pattern: String) throws(Failure) -> CELRegex {
        var compiler = CELRegexCompiler(pattern: Array(pattern.unicodeScalars))
        try compiler.alternation(depth: 0)
        guard compiler.position == compiler.pattern.count else { throw .invalid("unexpected )") }
        try compiler.emit(.match)
        return CELRegex(instructions: compiler.program)
    }

    private init(pattern: [Unicode.Scalar]) {
        self.pattern = pattern
    }

    private var current: Unicode.Scalar? { position < pattern.count ? pattern[position] : nil }

    private mutating func emit(_ instruction: CELRegex.Instruction) throws(Failure) {
        guard program.count < Self.maxInstructions else { throw .invalid("pattern too large") }
        program.append(instruction)
    }

    /// `a|b|…`, emitted as a chain of splits.
    private mutating func alternation(depth: Int) throws(Failure) {
        guard depth < 200 else { throw .invalid("pattern nested too deeply") }
        let saved = flags
        defer { flags = saved }
        var jumpsToEnd: [Int] = []
        while true {
            let split = program.count
            try emit(.split(0, 0))
            try concatenation(depth: depth)
            guard current == "|" else {
                program.remove(at: split)
                shift(from: split, by: -1)
                jumpsToEnd = jumpsToEnd.map { $0 > split ? $0 - 1 : $0 }
                break
            }
            position += 1
            jumpsToEnd.append(program.count)
            try emit(.jump(0))
            program[split] = .split(split + 1, program.count)
        }
        for jump in jumpsToEnd { program[jump] = .jump(program.count) }
    }

    /// Moves every target at or after `index` by `delta`, after an instruction was removed.
    private mutating func shift(from index: Int, by delta: Int) {
        program = program.map { instruction in
            switch instruction {
            case .split(let a, let b): .split(a > index ? a + delta : a, b > index ? b + delta : b)
            case .jump(let a): .jump(a > index ? a + delta : a)
            case .consume, .assert, .match: instruction
            }
        }
    }

    private mutating func concatenation(depth: Int) throws(Failure) {
        while let c = current, c != "|", c != ")" {
            let start = program.count
            try atom(depth: depth)
            try repetition(of: start)
        }
    }

    private mutating func repetition(of start: Int) throws(Failure) {
        var repeated = false
        while let c = current {
            let bounds: (min: Int, max: Int?)
            switch c {
            case "*": bounds = (0, nil); position += 1
            case "+": bounds = (1, nil); position += 1
            case "?": bounds = (0, 1); position += 1
            case "{":
                guard let counted = countedRepetition() else { return }
                bounds = counted
            default: return
            }
            guard !repeated else { throw .invalid("bad repetition operator") }
            repeated = true
            if current == "?" { position += 1 }
            guard program.count > start else { throw .invalid("missing argument to repetition operator") }
            try applyRepetition(start: start, min: bounds.min, max: bounds.max)
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` at the current position, consumed; nil (nothing consumed) when the brace
    /// is a literal.
    private mutating func countedRepetition() -> (min: Int, max: Int?)? {
        var at = position + 1
        func digits() -> Int? {
            var value = 0
            var any = false
            while at < pattern.count, ("0"..."9").contains(pattern[at]) {
                value = min(value * 10 + Int(pattern[at].value - 48), Self.maxRepeat + 1)
                any = true
                at += 1
            }
            return any ? value : nil
        }
        guard let low = digits() else { return nil }
        var high: Int? = low
        if at < pattern.count, pattern[at] == "," {
            at += 1
            high = digits()
        }
        guard at < pattern.count, pattern[at] == "}" else { return nil }
        position = at + 1
        return (low, high)
    }

    private mutating func applyRepetition(start: Int, min: Int, max: Int?) throws(Failure) {
        guard min <= Self.maxRepeat, (max ?? 0) <= Self.maxRepeat, min <= (max ?? min) else {
            throw .invalid("bad repetition operator")
        }
        let body = Array(program[start...])
        program.removeSubrange(start...)
        func copy() throws(Failure) {
            let base = program.count
            for instruction in body {
                switch instruction {
                case .split(let a, let b): try emit(.split(a - start + base, b - start + base))
                case .jump(let a): try emit(.jump(a - start + base))
                case .consume, .assert, .match: try emit(instruction)
                }
            }
        }
        for _ in 0..<min { try copy() }
        if let max {
            var splits: [Int] = []
            for _ in min..<max {
                splits.append(program.count)
                try emit(.split(0, 0))
                try copy()
            }
            for split in splits { program[split] = .split(split + 1, program.count) }
        } else {
            let loop = program.count
            try emit(.split(0, 0))
            try copy()
            try emit(.jump(loop))
            program[loop] = .split(loop + 1, program.count)
        }
    }

    private mutating func atom(depth: Int) throws(Failure) {
        guard let c = current else { return }
        position += 1
        switch c {
        case "(": try group(depth: depth)
        case "[": try emit(.consume(try characterClass()))
        case ".": try emit(.consume(.any(includingNewline: flags.dotNewline)))
        case "^": try emit(.assert(flags.multiLine ? .beginLine : .beginText))
        case "$": try emit(.assert(flags.multiLine ? .endLine : .endText))
        case "\\": try escape()
        case "*", "+", "?": throw .invalid("missing argument to repetition operator")
        default: try emit(.consume(literal(c)))
        }
    }

    private func literal(_ c: Unicode.Scalar) -> CELCharSet {
        CELCharSet(ranges: [c.value...c.value], foldCase: flags.foldCase)
    }

    private mutating func group(depth: Int) throws(Failure) {
        if current == "?" {
            position += 1
            if current == "P" || current == "<" {
                if current == "P" { position += 1 }
                guard current == "<" else { throw .invalid("invalid named capture") }
                while let c = current, c != ">" { position += 1 }
                guard current == ">" else { throw .invalid("invalid named capture") }
                position += 1
            } else {
                var enable = true
                var parsed = flags
                while let c = current, c != ")", c != ":" {
                    switch c {
                    case "i": parsed.foldCase = enable
                    case "m": parsed.multiLine = enable
                    case "s": parsed.dotNewline = enable
                    case "U": break
                    case "-" where enable: enable = false
                    default: throw .invalid("invalid or unsupported Perl syntax")
                    }
                    position += 1
                }
                guard let end = current else { throw .invalid("missing closing )") }
                position += 1
                if end == ")" {
                    flags = parsed
                    return
                }
                let saved = flags
                flags = parsed
                try alternation(depth: depth + 1)
                flags = saved
                guard current == ")" else { throw .invalid("missing closing )") }
                position += 1
                return
            }
        }
        try alternation(depth: depth + 1)
        guard current == ")" else { throw .invalid("missing closing )") }
        position += 1
    }

    private mutating func escape() throws(Failure) {
        guard let c = current else { throw .invalid("trailing backslash") }
        switch c {
        case "A": position += 1; try emit(.assert(.beginText))
        case "z": position += 1; try emit(.assert(.endText))
        case "b": position += 1; try emit(.assert(.wordBoundary))
        case "B": position += 1; try emit(.assert(.notWordBoundary))
        default: try emit(.consume(try escapedSet()))
        }
    }

    /// The set an escape stands for (a Perl class or one scalar), consuming it; the backslash is behind.
    private mutating func escapedSet() throws(Failure) -> CELCharSet {
        guard let c = current else { throw .invalid("trailing backslash") }
        position += 1
        if var set = CELCharSet.perl(c) {
            set.foldCase = false
            return set
        }
        let simple: [Unicode.Scalar: UInt32] = ["a": 7, "f": 12, "t": 9, "n": 10, "r": 13, "v": 11]
        if let value = simple[c] { return literal(Unicode.Scalar(value)!) }
        switch c {
        case "x":
            var digits = ""
            if current == "{" {
                position += 1
                while let d = current, d != "}" { digits.unicodeScalars.append(d); position += 1 }
                guard current == "}" else { throw .invalid("invalid escape sequence") }
                position += 1
            } else {
                for _ in 0..<2 {
                    guard let d = current else { throw .invalid("invalid escape sequence") }
                    digits.unicodeScalars.append(d)
                    position += 1
                }
            }
            guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw .invalid("invalid escape sequence")
            }
            return literal(scalar)
        case "p", "P", "Q", "C", "E": throw .unsupported("\\\(c)")
        default:
            guard c.isASCII, !c.properties.isAlphabetic, !("0"..."9").contains(c) else {
                throw .invalid("invalid escape sequence \\\(c)")
            }
            return literal(c)
        }
    }

    /// A bracketed class; the `[` is behind.
    private mutating func characterClass() throws(Failure) -> CELCharSet {
        var set = CELCharSet(ranges: [], foldCase: flags.foldCase)
        if current == "^" {
            set.negated = true
            position += 1
        }
        var first = true
        while let c = current, c != "]" || first {
            first = false
            if c == "[", position + 1 < pattern.count, pattern[position + 1] == ":" {
                let rest = String(String.UnicodeScalarView(pattern[(position + 2)...]))
                guard let close = rest.range(of: ":]") else { throw .invalid("missing closing ]") }
                var name = String(rest[..<close.lowerBound])
                let negated = name.hasPrefix("^")
                if negated { name.removeFirst() }
                guard let posix = CELCharSet.posix(name) else { throw .invalid("invalid character class range") }
                position += 2 + rest[..<close.upperBound].unicodeScalars.count
                set.ranges += negated ? complement(posix.ranges) : posix.ranges
                continue
            }
            let low = try classMember()
            guard case .single(let lowValue) = low else {
                if case .set(let perl) = low { set.ranges += perl.negated ? complement(perl.ranges) : perl.ranges }
                continue
            }
            if current == "-", position + 1 < pattern.count, pattern[position + 1] != "]" {
                position += 1
                guard case .single(let highValue) = try classMember(), lowValue <= highValue else {
                    throw .invalid("invalid character class range")
                }
                set.ranges.append(lowValue...highValue)
            } else {
                set.ranges.append(lowValue...lowValue)
            }
        }
        guard current == "]" else { throw .invalid("missing closing ]") }
        position += 1
        return set
    }

    private enum ClassMember {
        case single(UInt32)
        case set(CELCharSet)
    }

    private mutating func classMember() throws(Failure) -> ClassMember {
        guard let c = current else { throw .invalid("missing closing ]") }
        position += 1
        guard c == "\\" else { return .single(c.value) }
        let set = try escapedSet()
        if set.ranges.count == 1, !set.negated, set.ranges[0].count == 1 { return .single(set.ranges[0].lowerBound) }
        return .set(set)
    }

    private func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = max(next, range.upperBound + 1)
        }
        if next <= 0x10FFFF { result.append(next...0x10FFFF) }
        return result
    }
}
