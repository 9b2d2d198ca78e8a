import KPlanCore

extension LintReport {
    /// One line for the end of a run: `3 files, 12 documents, 10 resources: 2 errors, 5 warnings, 0 info`.
    ///
    /// Every count is always present (`0 errors`), so tools can match the line; "info" does not take a
    /// plural.
    public var summary: String {
        let input = [
            Self.counted(counts.files, "file"),
            Self.counted(counts.documents, "document"),
            Self.counted(counts.resources, "resource"),
        ]
        let findings = [
            Self.counted(count(of: .error), "error"),
            Self.counted(count(of: .warning), "warning"),
            "\(count(of: .info)) info",
        ]
        return input.joined(separator: ", ") + ": " + findings.joined(separator: ", ")
    }

    /// `1 file`, `2 files`.
    private static func counted(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }
}
