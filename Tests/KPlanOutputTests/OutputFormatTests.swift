import Testing
import KPlanOutput

@Suite struct OutputFormatTests {
    @Test func formatsAreChosenByName() {
        #expect(OutputFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "junit", "github"])
        for format in OutputFormat.allCases {
            #expect(OutputFormat(rawValue: format.rawValue) == format)
        }
        #expect(OutputFormat(rawValue: "yaml") == nil)
    }

    @Test func eachFormatUsesItsRenderer() {
        let report = SampleReport.report
        #expect(OutputFormat.text.render(report) == TextRenderer().render(report))
        let coloured = OutputFormat.text.render(report, options: RenderOptions(color: true))
        #expect(coloured == TextRenderer(color: true).render(report))
        #expect(OutputFormat.json.render(report) == JSONRenderer().render(report))
        #expect(OutputFormat.sarif.render(report) == SARIFRenderer().render(report))
        #expect(OutputFormat.junit.render(report) == JUnitRenderer().render(report))
        #expect(OutputFormat.github.render(report) == GitHubRenderer().render(report))
        #expect(Set(OutputFormat.allCases.map { $0.render(report) }).count == OutputFormat.allCases.count)
    }

    @Test func onlyTextUsesColour() {
        for format in OutputFormat.allCases where format != .text {
            let coloured = format.render(SampleReport.report, options: RenderOptions(color: true))
            #expect(coloured == format.render(SampleReport.report))
        }
        #expect(OutputFormat.text.render(SampleReport.report, options: RenderOptions(color: true)).contains("\u{1B}["))
    }
}
