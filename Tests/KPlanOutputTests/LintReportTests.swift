import KPlanCore
import Testing
import KPlanOutput

@Suite struct LintReportTests {
    private func diagnostic(
        _ severity: Severity, _ file: String, _ line: Int, _ code: String = "c", message: String = "m",
        end: Int = 2, object: String? = nil, notes: [Diagnostic.Note] = []
    ) -> Diagnostic {
        Diagnostic(
            severity, code: code, message: message, at: SampleReport.at(file, line, 1, line, end), notes: notes,
            object: object
        )
    }

    @Test func diagnosticsSortTotallyWhateverTheInputOrder() {
        let all = [
            diagnostic(.info, "b.yaml", 1),
            diagnostic(.warning, "a.yaml", 2),
            diagnostic(.error, "a.yaml", 2),
            diagnostic(.error, "a.yaml", 2, end: 5),
            diagnostic(.error, "a.yaml", 2, object: "Pod x"),
            diagnostic(.error, "a.yaml", 2, notes: [Diagnostic.Note("n")]),
            diagnostic(.error, "a.yaml", 1, "z"),
            diagnostic(.error, "a.yaml", 1, "a", message: "later"),
            diagnostic(.error, "a.yaml", 1, "a", message: "earlier"),
        ]
        let expected = [all[8], all[7], all[6], all[2], all[5], all[4], all[3], all[1], all[0]]
        let counts = LintReport.Counts(files: 2, documents: 2, resources: 0)
        #expect(LintReport(diagnostics: all, counts: counts, toolVersion: "").diagnostics == expected)
        #expect(LintReport(diagnostics: all.reversed(), counts: counts, toolVersion: "").diagnostics == expected)
        #expect(LintReport(diagnostics: [all[4], all[5], all[2], all[3]], counts: counts, toolVersion: "").diagnostics
            == [all[2], all[5], all[4], all[3]])
    }

    @Test func rulesAreDeduplicatedAndOrderedByID() {
        let rules = [
            RuleDescriptor(id: "b", shortDescription: "first b", defaultSeverity: .error),
            RuleDescriptor(id: "a", shortDescription: "a", defaultSeverity: .info),
            RuleDescriptor(id: "b", shortDescription: "second b", defaultSeverity: .warning),
        ]
        let report = LintReport(
            diagnostics: [], counts: .init(files: 0, documents: 0, resources: 0), toolVersion: "", rules: rules
        )
        #expect(report.rules == [rules[1], rules[0]])
    }

    @Test(arguments: [
        (
            LintReport.Counts(files: 0, documents: 0, resources: 0), [Severity](),
            "0 files, 0 documents, 0 resources: 0 errors, 0 warnings, 0 info"
        ),
        (
            LintReport.Counts(files: 1, documents: 1, resources: 1), [.error, .warning, .info],
            "1 file, 1 document, 1 resource: 1 error, 1 warning, 1 info"
        ),
        (
            LintReport.Counts(files: 3, documents: 12, resources: 10),
            [.error, .error, .warning, .warning, .warning, .info, .info],
            "3 files, 12 documents, 10 resources: 2 errors, 3 warnings, 2 info"
        ),
    ])
    func summary(counts: LintReport.Counts, severities: [Severity], expected: String) {
        let diagnostics = severities.enumerated().map { diagnostic($1, "f", $0 + 1) }
        let report = LintReport(diagnostics: diagnostics, counts: counts, toolVersion: "")
        #expect(report.summary == expected)
    }

    @Test func laterSourceWithTheSamePathWins() {
        let report = LintReport(
            diagnostics: [], sources: [SourceFile(path: "a", bytes: [1]), SourceFile(path: "a", bytes: [2])],
            counts: .init(files: 1, documents: 0, resources: 0), toolVersion: ""
        )
        #expect(report.sources["a"]?.bytes == [2])
    }
}
