import Foundation
import KPlanCore
import Testing
import KPlanOutput

@Suite struct JSONRendererTests {
    private func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func exactDocument() {
        let expected = #"""
            {
              "diagnostics": [
                {
                  "code": "schema.type",
                  "column": 13,
                  "endColumn": 16,
                  "endLine": 7,
                  "file": "deploy,prod.yaml",
                  "line": 7,
                  "message": "spec.replicas must be an integer, not a string",
                  "notes": [
                    {
                      "column": 7,
                      "endColumn": 17,
                      "endLine": 2,
                      "file": "deploy,prod.yaml",
                      "line": 2,
                      "message": "in this Deployment"
                    },
                    {
                      "column": null,
                      "endColumn": null,
                      "endLine": null,
                      "file": null,
                      "line": null,
                      "message": "see `kubectl explain deployment.spec`"
                    }
                  ],
                  "object": "Deployment default/web",
                  "severity": "error"
                },
                {
                  "code": "lint.latest-tag",
                  "column": 10,
                  "endColumn": 22,
                  "endLine": 8,
                  "file": "deploy,prod.yaml",
                  "line": 8,
                  "message": "image \"nginx:latest\" uses the latest tag\npin a version",
                  "notes": [],
                  "object": "Deployment default/web",
                  "severity": "warning"
                },
                {
                  "code": "lint.no-labels",
                  "column": 1,
                  "endColumn": 1,
                  "endLine": 3,
                  "file": "svc.yaml",
                  "line": 3,
                  "message": "Service has no labels <app>",
                  "notes": [],
                  "object": null,
                  "severity": "info"
                }
              ],
              "summary": {
                "documents": 2,
                "errors": 1,
                "files": 2,
                "info": 1,
                "resources": 2,
                "warnings": 1
              },
              "tool": {
                "name": "kplan",
                "version": "1.2.3"
              },
              "version": 1
            }

            """#
        #expect(OutputFormat.json.render(SampleReport.report) == expected)
    }

    @Test func parsesBackFieldByField() throws {
        let root = try parse(JSONRenderer().render(SampleReport.report))
        #expect(root["version"] as? Int == 1)
        let tool = try #require(root["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "kplan")
        #expect(tool["version"] as? String == "1.2.3")
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary == ["files": 2, "documents": 2, "resources": 2, "errors": 1, "warnings": 1, "info": 1])

        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["severity"] as? String } == ["error", "warning", "info"])
        let error = diagnostics[0]
        #expect(error["code"] as? String == "schema.type")
        #expect(error["file"] as? String == "deploy,prod.yaml")
        #expect(error["line"] as? Int == 7)
        #expect(error["column"] as? Int == 13)
        #expect(error["endLine"] as? Int == 7)
        #expect(error["endColumn"] as? Int == 16)
        #expect(error["object"] as? String == "Deployment default/web")
        let notes = try #require(error["notes"] as? [[String: Any]])
        #expect(notes.count == 2)
        #expect(notes[0]["message"] as? String == "in this Deployment")
        #expect(notes[0]["line"] as? Int == 2)
        #expect(notes[0]["column"] as? Int == 7)
        #expect(notes[1]["file"] is NSNull)
        #expect(notes[1]["line"] is NSNull)
        #expect(diagnostics[1]["message"] as? String == "image \"nginx:latest\" uses the latest tag\npin a version")
        #expect(diagnostics[2]["object"] is NSNull)
    }

    @Test func controlCharactersAndUnicodeRoundTrip() throws {
        let message = "tab\there \u{1}\u{1F} back\\slash \"q\" 日本 /path\r\n"
        let report = LintReport(
            diagnostics: [Diagnostic(.error, code: "c", message: message, at: SampleReport.at("a.yaml", 1, 1, 1, 2))],
            counts: .init(files: 1, documents: 1, resources: 0), toolVersion: "v"
        )
        let output = JSONRenderer().render(report)
        #expect(output.contains(#""tab\there \u0001\u001f back\\slash \"q\" 日本 /path\r\n""#))
        let diagnostics = try #require(try parse(output)["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["message"] as? String == message)
    }

    @Test func emptyReportStillHasEveryKey() throws {
        let report = LintReport(diagnostics: [], counts: .init(files: 0, documents: 0, resources: 0), toolVersion: "v")
        let root = try parse(JSONRenderer().render(report))
        #expect(Set(root.keys) == ["diagnostics", "summary", "tool", "version"])
        #expect((root["diagnostics"] as? [Any])?.isEmpty == true)
    }
}
