import Foundation
import KPlanCore
import Testing
import KPlanOutput

@Suite struct ReportObjectTests {
    @Test func takesItsFieldsFromAResource() {
        let node = Node(.mapping([]), range: SampleReport.range(3, 1, 9, 1))
        let resource = Resource(
            file: "a.yaml", documentIndex: 2, node: node,
            gvk: GroupVersionKind(apiVersion: "apps/v1", kind: "Deployment"), name: "web", namespace: "prod"
        )
        let object = ReportObject(resource)
        #expect(object.file == "a.yaml")
        #expect(object.documentIndex == 2)
        #expect(object.apiVersion == "apps/v1")
        #expect(object.kind == "Deployment")
        #expect(object.namespace == "prod")
        #expect(object.name == "web")
        #expect(object.range == SampleReport.range(3, 1, 9, 1))
    }

    @Test func junitAttributesFindingsByRangeAndFile() {
        let object = ReportObject(
            file: "a.yaml", documentIndex: 0, apiVersion: "v1", kind: "Pod", namespace: nil, name: "p",
            range: SampleReport.range(3, 1, 9, 1)
        )
        let findings = [
            Diagnostic(.error, code: "inside", message: "m", at: SampleReport.at("a.yaml", 3, 1, 3, 2)),
            Diagnostic(.error, code: "at-end", message: "m", at: SampleReport.at("a.yaml", 9, 1, 9, 2)),
            Diagnostic(.error, code: "other-file", message: "m", at: SampleReport.at("b.yaml", 4, 1, 4, 2)),
        ]
        let report = LintReport(
            diagnostics: findings, objects: [object], counts: .init(files: 2, documents: 2, resources: 1),
            toolVersion: ""
        )
        let output = JUnitRenderer().render(report)
        let objectCase = output.components(separatedBy: "<testcase name=\"p\"")[1]
            .components(separatedBy: "</testcase>")[0]
        #expect(objectCase.contains("type=\"inside\""))
        #expect(!objectCase.contains("type=\"at-end\""))
        #expect(!objectCase.contains("type=\"other-file\""))
        let failure = #"\#n      <failure message="m" type="#
        #expect(output.contains(#"<testcase name="a.yaml" classname="file">"# + failure + #""at-end">"#))
        #expect(output.contains(#"<testcase name="b.yaml" classname="file">"# + failure + #""other-file">"#))
    }
}
