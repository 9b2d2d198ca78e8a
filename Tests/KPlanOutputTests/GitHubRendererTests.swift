import KPlanCore
import Testing
@testable import KPlanOutput

@Suite struct GitHubRendererTests {
    @Test func oneWorkflowCommandPerDiagnosticThenTheSummary() {
        let expected = """
            ::error file=deploy%2Cprod.yaml,line=7,col=13,endLine=7,endColumn=15,title=schema.type::spec.replicas must be an integer, not a string%0Anote: deploy,prod.yaml:2:7: in this Deployment%0Anote: see `kubectl explain deployment.spec`
            ::warning file=deploy%2Cprod.yaml,line=8,col=10,endLine=8,endColumn=21,title=lint.latest-tag::image "nginx:latest" uses the latest tag%0Apin a version
            ::notice file=svc.yaml,line=3,col=1,title=lint.no-labels::Service has no labels <app>
            2 files, 2 documents, 2 resources: 1 error, 1 warning, 1 info

            """
        #expect(OutputFormat.github.render(SampleReport.report) == expected)
    }

    @Test func escaping() {
        #expect(GitHubRenderer.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
        #expect(GitHubRenderer.escapeProperty("dir:x/a,b%\n.yaml") == "dir%3Ax/a%2Cb%25%0A.yaml")
    }

    @Test func multiLineRangesGiveAnEndLineButNoEndColumn() {
        let report = LintReport(
            diagnostics: [
                Diagnostic(.warning, code: "a", message: "m", at: SampleReport.at("f", 2, 3, 5, 1)),
                Diagnostic(.warning, code: "b", message: "m", at: SampleReport.at("f", 6, 3, 8, 4)),
                Diagnostic(.warning, code: "c", message: "m", at: SampleReport.at("f", 9, 3, 9, 4)),
            ],
            counts: .init(files: 1, documents: 1, resources: 1), toolVersion: "v"
        )
        let lines = GitHubRenderer().render(report).split(separator: "\n")
        #expect(lines[0] == "::warning file=f,line=2,col=3,endLine=4,title=a::m")
        #expect(lines[1] == "::warning file=f,line=6,col=3,endLine=8,title=b::m")
        #expect(lines[2] == "::warning file=f,line=9,col=3,endLine=9,endColumn=3,title=c::m")
    }
}
