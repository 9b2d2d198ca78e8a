/// A compiled regular expression, matched by simulating its automaton (a Pike VM without captures):
/// time linear in the text for a given pattern, so no pattern can backtrack catastrophically, as RE2
/// promises and CEL requires.
struct CELRegex: Sendable {
    /// One step of the program.
    enum Instruction: Sendable {
        /// Consume one scalar in the set.
        case consume(CELCharSet)
        /// Continue at both targets.
        case split(Int, Int)
        /// Continue at the target.
        case jump(Int)
        /// Continue only where the assertion holds.
        case assert(Assertion)
        /// The pattern matched.
        case match
    }

    /// Zero-width assertions.
    enum Assertion: Sendable {
        case beginText
        case endText
        case beginLine
        case endLine
        case wordBoundary
        case notWordBoundary
    }

    /// The program; execution starts at 0.
    let instructions: [Instruction]

    /// True when the pattern matches anywhere in `text` (RE2's unanchored `MatchString`).
    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var current: [Int] = []
        var next: [Int] = []
        var mark = [Int](repeating: -1, count: instructions.count)
        var generation = 0
        var stack: [Int] = []

        /// Adds the threads reachable from `pc` at position `at` without consuming.
        func add(_ pc: Int, at: Int, to list: inout [Int]) -> Bool {
            stack.append(pc)
            while let pc = stack.popLast() {
                guard mark[pc] != generation else { continue }
                mark[pc] = generation
                switch instructions[pc] {
                case .match: return true
                case .consume: list.append(pc)
                case .jump(let target): stack.append(target)
                case .split(let a, let b):
                    stack.append(b)
                    stack.append(a)
                case .assert(let assertion):
                    if holds(assertion, at: at, in: scalars) { stack.append(pc + 1) }
                }
            }
            return false
        }

        for at in 0...scalars.count {
            generation += 1
            for pc in next { mark[pc] = generation }
            current = next
            next = []
            stack = []
            if add(0, at: at, to: &current) { return true }
            guard at < scalars.count else { break }
            generation += 1
            var list: [Int] = []
            for pc in current {
                guard case .consume(let set) = instructions[pc], set.contains(scalars[at]) else { continue }
                if add(pc + 1, at: at + 1, to: &list) { return true }
            }
            next = list
        }
        return false
    }

    private func holds(_ assertion: Assertion, at: Int, in text: [Unicode.Scalar]) -> Bool {
        func isWord(_ i: Int) -> Bool {
            guard i >= 0, i < text.count else { return false }
            let c = text[i]
            return c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
        }
        switch assertion {
        case .beginText: return at == 0
        case .endText: return at == text.count
        case .beginLine: return at == 0 || text[at - 1] == "\n"
        case .endLine: return at == text.count || text[at] == "\n"
        case .wordBoundary: return isWord(at - 1) != isWord(at)
        case .notWordBoundary: return isWord(at - 1) == isWord(at)
        }
    }
}
