import KPlanCore
import Testing
import KPlanOutput

@Suite struct JUnitRendererTests {
    @Test func suitePerFileCasePerObjectFailurePerError() {
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="kplan" tests="2" failures="1" errors="0">
              <testsuite name="deploy,prod.yaml" id="1" tests="1" failures="1" errors="0" skipped="0">
                <testcase name="default/web" classname="Deployment@apps/v1">
                  <failure message="spec.replicas must be an integer, not a string" type="schema.type">deploy,prod.yaml:7:13: error[schema.type]: spec.replicas must be an integer, not a string
              note: deploy,prod.yaml:2:7: in this Deployment
              note: see `kubectl explain deployment.spec`</failure>
                  <system-out>deploy,prod.yaml:8:10: warning[lint.latest-tag]: image "nginx:latest" uses the latest tag
            pin a version</system-out>
                </testcase>
              </testsuite>
              <testsuite name="svc.yaml" id="2" tests="1" failures="0" errors="0" skipped="0">
                <testcase name="svc.yaml" classname="file">
                  <system-out>svc.yaml:3:1: info[lint.no-labels]: Service has no labels &lt;app&gt;</system-out>
                </testcase>
              </testsuite>
            </testsuites>

            """
        #expect(OutputFormat.junit.render(SampleReport.report) == expected)
    }

    @Test func objectsWithoutFindingsPassAndStrayFindingsGetAFileCase() {
        let file = "a&b.yaml"
        let objects = [
            ReportObject(
                file: file, documentIndex: 1, apiVersion: "v1", kind: "Namespace", namespace: nil, name: "prod",
                range: SampleReport.range(5, 1, 8, 1)
            ),
            ReportObject(
                file: file, documentIndex: 0, apiVersion: "v1", kind: "ConfigMap", namespace: "", name: "",
                range: SampleReport.range(1, 1, 4, 1)
            ),
        ]
        let stray = Diagnostic(
            .error, code: "yaml.syntax", message: "bad <\"quote\"> 'x'\nnext\tline",
            at: SampleReport.at(file, 9, 2, 9, 3)
        )
        let inSecond = Diagnostic(.error, code: "e", message: "second", at: SampleReport.at(file, 6, 3, 6, 4))
        let report = LintReport(
            diagnostics: [stray, inSecond], objects: objects,
            counts: .init(files: 1, documents: 3, resources: 2), toolVersion: "v"
        )
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="kplan" tests="3" failures="2" errors="0">
              <testsuite name="a&amp;b.yaml" id="1" tests="3" failures="2" errors="0" skipped="0">
                <testcase name="document 1" classname="ConfigMap@v1"/>
                <testcase name="prod" classname="Namespace@v1">
                  <failure message="second" type="e">a&amp;b.yaml:6:3: error[e]: second</failure>
                </testcase>
                <testcase name="a&amp;b.yaml" classname="file">
                  <failure message="bad &lt;&quot;quote&quot;&gt; &apos;x&apos;&#10;next&#9;line" type="yaml.syntax">a&amp;b.yaml:9:2: error[yaml.syntax]: bad &lt;"quote"&gt; 'x'
            next\tline</failure>
                </testcase>
              </testsuite>
            </testsuites>

            """
        #expect(JUnitRenderer().render(report) == expected)
    }

    @Test func forbiddenXMLCharactersAreReplaced() {
        let report = LintReport(
            diagnostics: [
                Diagnostic(.error, code: "c", message: "nul\u{0}esc\u{1B}cr\r", at: SampleReport.at("f", 1, 1, 1, 1))
            ],
            counts: .init(files: 1, documents: 1, resources: 0), toolVersion: "v"
        )
        let output = JUnitRenderer().render(report)
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(output.contains(#"message="nul�esc�cr&#13;""#))
    }

    @Test func emptyReportIsAnEmptyCollection() {
        let report = LintReport(diagnostics: [], counts: .init(files: 0, documents: 0, resources: 0), toolVersion: "v")
        #expect(JUnitRenderer().render(report) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="kplan" tests="0" failures="0" errors="0">
            </testsuites>

            """)
    }
}
