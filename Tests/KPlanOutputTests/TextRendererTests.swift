import KPlanCore
import Testing
import KPlanOutput

@Suite struct TextRendererTests {
    @Test func rendersHeadlineSourceCaretNotesAndSummary() {
        let expected = """
            deploy,prod.yaml:7:13: error[schema.type]: spec.replicas must be an integer, not a string
             7 |   replicas: "3"
               |             ^~~
              note: deploy,prod.yaml:2:7: in this Deployment
              note: see `kubectl explain deployment.spec`

            deploy,prod.yaml:8:10: warning[lint.latest-tag]: image "nginx:latest" uses the latest tag
            pin a version
             8 |   image: nginx:latest
               |          ^~~~~~~~~~~~

            svc.yaml:3:1: info[lint.no-labels]: Service has no labels <app>

            2 files, 2 documents, 2 resources: 1 error, 1 warning, 1 info

            """
        #expect(OutputFormat.text.render(SampleReport.report) == expected)
    }

    @Test func colourWrapsLocationSeverityMessageMarksAndNotes() {
        let report = LintReport(
            diagnostics: [SampleReport.error],
            sources: [SourceFile(path: SampleReport.deployPath, bytes: Array(SampleReport.deployText.utf8))],
            counts: LintReport.Counts(files: 1, documents: 1, resources: 1), toolVersion: "1.2.3"
        )
        let esc = "\u{1B}["
        let expected = "\(esc)1mdeploy,prod.yaml:7:13:\(esc)0m \(esc)1;31merror[schema.type]\(esc)0m"
            + "\(esc)1m: spec.replicas must be an integer, not a string\(esc)0m\n"
            + " 7 |   replicas: \"3\"\n"
            + "   |             \(esc)1;31m^~~\(esc)0m\n"
            + "  \(esc)1;36mnote:\(esc)0m deploy,prod.yaml:2:7: in this Deployment\n"
            + "  \(esc)1;36mnote:\(esc)0m see `kubectl explain deployment.spec`\n"
            + "\n"
            + "1 file, 1 document, 1 resource: 1 error, 0 warnings, 0 info\n"
        #expect(OutputFormat.text.render(report, options: RenderOptions(color: true)) == expected)
    }

    @Test func severityColours() {
        let esc = "\u{1B}["
        let cases: [(Severity, String)] = [(.error, "1;31"), (.warning, "1;33"), (.info, "1;36")]
        for (severity, code) in cases {
            let diagnostic = Diagnostic(
                severity, code: "c", message: "m", at: SampleReport.at("f", 1, 1, 1, 1)
            )
            let report = LintReport(
                diagnostics: [diagnostic], counts: .init(files: 1, documents: 1, resources: 0), toolVersion: ""
            )
            let output = TextRenderer(color: true).render(report)
            #expect(output.hasPrefix("\(esc)1mf:1:1:\(esc)0m \(esc)\(code)m\(severity.rawValue)[c]\(esc)0m"))
        }
    }

    @Test func caretLinesUpAfterTabsWideAndCombiningCharacters() {
        // Columns: tab at 6 (cells 5–7), é as e + U+0301 at 10–11 (one cell), 日本 at 13–14 (cells 13–16),
        // `x` at 17 (cell 19).
        let line = "name:\tcafe\u{301} 日本 \"x\""
        let report = LintReport(
            diagnostics: [
                Diagnostic(.error, code: "a", message: "x", at: SampleReport.at("t.yaml", 1, 17, 1, 18)),
                Diagnostic(.error, code: "b", message: "wide", at: SampleReport.at("t.yaml", 1, 13, 1, 15)),
            ],
            sources: [SourceFile(path: "t.yaml", bytes: Array((line + "\n").utf8))],
            counts: .init(files: 1, documents: 1, resources: 0), toolVersion: ""
        )
        let expected = """
            t.yaml:1:13: error[b]: wide
             1 | name:   cafe\u{301} 日本 "x"
               |              ^~~~

            t.yaml:1:17: error[a]: x
             1 | name:   cafe\u{301} 日本 "x"
               |                    ^

            1 file, 1 document, 0 resources: 2 errors, 0 warnings, 0 info

            """
        #expect(TextRenderer().render(report) == expected)
    }

    @Test func noSourceLineWhenTheFileIsMissingOrTooShort() {
        let report = LintReport(
            diagnostics: [
                Diagnostic(.warning, code: "w", message: "past the end", at: SampleReport.at("a.yaml", 5, 1, 5, 2)),
                Diagnostic(.warning, code: "w", message: "no file", at: SampleReport.at("b.yaml", 1, 1, 1, 2)),
            ],
            sources: [SourceFile(path: "a.yaml", bytes: Array("a: 1\n".utf8))],
            counts: .init(files: 2, documents: 1, resources: 0), toolVersion: ""
        )
        let expected = """
            a.yaml:5:1: warning[w]: past the end

            b.yaml:1:1: warning[w]: no file

            2 files, 1 document, 0 resources: 0 errors, 2 warnings, 0 info

            """
        #expect(TextRenderer().render(report) == expected)
    }

    @Test func controlCharactersFromTheInputCannotReachTheTerminal() {
        let report = LintReport(
            diagnostics: [
                Diagnostic(.error, code: "e", message: "bad \u{1B}[2J key", at: SampleReport.at("a.yaml", 1, 3, 1, 4))
            ],
            sources: [SourceFile(path: "a.yaml", bytes: Array("a\u{1B}b: 1\r\n".utf8))],
            counts: .init(files: 1, documents: 1, resources: 0), toolVersion: ""
        )
        let output = TextRenderer().render(report)
        #expect(!output.unicodeScalars.contains("\u{1B}"))
        #expect(output.hasPrefix("a.yaml:1:3: error[e]: bad \u{FFFD}[2J key\n 1 | a\u{FFFD}b: 1\n   |   ^\n"))
    }

    @Test func emptyReportPrintsOnlyTheSummary() {
        let report = LintReport(diagnostics: [], counts: .init(files: 0, documents: 0, resources: 0), toolVersion: "")
        #expect(TextRenderer().render(report) == "0 files, 0 documents, 0 resources: 0 errors, 0 warnings, 0 info\n")
    }
}
