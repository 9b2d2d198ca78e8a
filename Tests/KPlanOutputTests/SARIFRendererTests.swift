import Foundation
import KPlanCore
import Testing
@testable import KPlanOutput

@Suite struct SARIFRendererTests {
    private func run() throws -> [String: Any] {
        let text = OutputFormat.sarif.render(SampleReport.report)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(root["version"] as? String == "2.1.0")
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return runs[0]
    }

    private func dictionary(_ value: Any?, _ keys: String...) throws -> [String: Any] {
        var current = value
        for key in keys { current = (current as? [String: Any])?[key] }
        return try #require(current as? [String: Any])
    }

    @Test func driverDescribesKnownRulesAndListsUndescribedCodesByID() throws {
        let run = try run()
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try dictionary(run, "tool", "driver")
        #expect(driver["name"] as? String == "kplan")
        #expect(driver["version"] as? String == "1.2.3")
        #expect(driver["informationUri"] as? String == "https://example.invalid/kplan")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["lint.latest-tag", "lint.no-labels", "schema.type"])
        let schemaType = rules[2]
        #expect(try dictionary(schemaType, "shortDescription")["text"] as? String == "A value has the wrong type")
        #expect(try dictionary(schemaType, "defaultConfiguration")["level"] as? String == "error")
        #expect(
            try dictionary(schemaType, "help")["text"] as? String == "Change the value to the type the schema expects."
        )
        #expect(rules[0]["help"] == nil)
        #expect(try dictionary(rules[0], "defaultConfiguration")["level"] as? String == "warning")
        #expect(Set(rules[1].keys) == ["id"])
    }

    @Test func resultsCarryRuleLevelMessageAndRegions() throws {
        let run = try run()
        let rules = try #require(try dictionary(run, "tool", "driver")["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["schema.type", "lint.latest-tag", "lint.no-labels"])
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "note"])
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }

        let error = results[0]
        #expect(try dictionary(error, "message")["text"] as? String
            == "spec.replicas must be an integer, not a string\nnote: see `kubectl explain deployment.spec`")
        let locations = try #require(error["locations"] as? [[String: Any]])
        #expect(locations.count == 1)
        let artifact = try dictionary(locations[0], "physicalLocation", "artifactLocation")
        #expect(artifact["uri"] as? String == "deploy,prod.yaml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try dictionary(locations[0], "physicalLocation", "region")
        #expect(region as? [String: Int] == ["startLine": 7, "startColumn": 13, "endLine": 7, "endColumn": 16])
        let logical = try #require(locations[0]["logicalLocations"] as? [[String: String]])
        #expect(logical == [["fullyQualifiedName": "Deployment default/web", "kind": "resource"]])

        let related = try #require(error["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related[0]["id"] as? Int == 1)
        #expect(try dictionary(related[0], "message")["text"] as? String == "in this Deployment")
        #expect(try dictionary(related[0], "physicalLocation", "region") as? [String: Int]
            == ["startLine": 2, "startColumn": 7, "endLine": 2, "endColumn": 17])

        #expect(try dictionary(results[1], "message")["text"] as? String
            == "image \"nginx:latest\" uses the latest tag\npin a version")
        #expect(results[1]["relatedLocations"] == nil)
        let infoLocation = try #require((results[2]["locations"] as? [[String: Any]])?.first)
        #expect(try dictionary(infoLocation, "physicalLocation", "region") as? [String: Int]
            == ["startLine": 3, "startColumn": 1])
        #expect(infoLocation["logicalLocations"] == nil)
    }

    @Test func outputIsByteStable() {
        #expect(SARIFRenderer().render(SampleReport.report) == SARIFRenderer().render(SampleReport.report))
        #expect(SARIFRenderer().render(SampleReport.report).hasSuffix("  \"version\": \"2.1.0\"\n}\n"))
    }

    @Test(arguments: [
        ("deploy.yaml", "deploy.yaml"),
        ("./k8s/./a.yaml", "k8s/./a.yaml"),
        ("dir with space/ä.yaml", "dir%20with%20space/%C3%A4.yaml"),
        ("c:odd#name?.yaml", "c%3Aodd%23name%3F.yaml"),
        ("100%.yaml", "100%25.yaml"),
        ("/abs/p,q.yaml", "file:///abs/p,q.yaml"),
    ])
    func artifactURIs(path: String, uri: String) {
        #expect(ArtifactURI.uri(for: path) == uri)
    }

    @Test func absolutePathsHaveNoBaseID() throws {
        let report = LintReport(
            diagnostics: [
                Diagnostic(.warning, code: "w", message: "m", at: SampleReport.at("/tmp/a.yaml", 1, 1, 1, 2))
            ],
            counts: .init(files: 1, documents: 1, resources: 0), toolVersion: "v"
        )
        let text = SARIFRenderer().render(report)
        #expect(text.contains(#""uri": "file:///tmp/a.yaml""#))
        #expect(!text.contains("uriBaseId"))
        #expect(!text.contains("informationUri"))
    }
}
