/// A set of Unicode scalars for the regular-expression engine: closed ranges, optionally negated, and
/// optionally case-insensitive (a scalar matches when it, or its simple lower or upper case, is in the set).
struct CELCharSet: Sendable {
    /// The closed ranges of scalar values in the set.
    var ranges: [ClosedRange<UInt32>]
    /// True when the set holds every scalar not in `ranges`.
    var negated = false
    /// True when case is ignored.
    var foldCase = false

    /// Any scalar but a newline (RE2's `.`), or any scalar at all with `(?s)`.
    static func any(includingNewline: Bool) -> CELCharSet {
        includingNewline ? CELCharSet(ranges: [], negated: true) : CELCharSet(ranges: [10...10], negated: true)
    }

    /// RE2's Perl classes, which are ASCII-only: `d`, `s` and `w` (upper case negates).
    static func perl(_ letter: Unicode.Scalar) -> CELCharSet? {
        let ranges: [ClosedRange<UInt32>]
        switch letter {
        case "d", "D": ranges = [48...57]
        case "s", "S": ranges = [9...10, 12...13, 32...32]
        case "w", "W": ranges = [48...57, 65...90, 95...95, 97...122]
        default: return nil
        }
        return CELCharSet(ranges: ranges, negated: ("A"..."Z").contains(letter))
    }

    /// The POSIX class `[:name:]`, ASCII-only as in RE2.
    static func posix(_ name: String) -> CELCharSet? {
        let ranges: [ClosedRange<UInt32>]
        switch name {
        case "alnum": ranges = [48...57, 65...90, 97...122]
        case "alpha": ranges = [65...90, 97...122]
        case "ascii": ranges = [0...127]
        case "blank": ranges = [9...9, 32...32]
        case "cntrl": ranges = [0...31, 127...127]
        case "digit": ranges = [48...57]
        case "graph": ranges = [33...126]
        case "lower": ranges = [97...122]
        case "print": ranges = [32...126]
        case "punct": ranges = [33...47, 58...64, 91...96, 123...126]
        case "space": ranges = [9...13, 32...32]
        case "upper": ranges = [65...90]
        case "word": ranges = [48...57, 65...90, 95...95, 97...122]
        case "xdigit": ranges = [48...57, 65...70, 97...102]
        default: return nil
        }
        return CELCharSet(ranges: ranges)
    }

    /// True when `scalar` is in the set.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        var found = holds(scalar.value)
        if !found, foldCase {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            let upper = scalar.properties.uppercaseMapping.unicodeScalars
            found = (lower.count == 1 && holds(lower.first!.value)) || (upper.count == 1 && holds(upper.first!.value))
        }
        return found != negated
    }

    private func holds(_ value: UInt32) -> Bool {
        ranges.contains { $0.contains(value) }
    }
}
