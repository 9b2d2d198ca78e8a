import Foundation
import KPlan
import KPlanCore
import Testing

/// A large file is checked on several threads while it is parsed; what it finds must not change.
@Suite struct LargeFileLintTests {
    /// About 1 MB of documents: Deployments (some with a `latest` image or an invalid name), a
    /// duplicate, custom resources before their CRD, and YAML with an error near the end.
    static func largeFile() -> String {
        var text = ""
        for index in 0..<1_500 {
            let name = index % 97 == 0 ? "Bad_Name_\(index)" : "web-\(index)"
            let image = index % 13 == 0 ? "nginx:latest" : "nginx:1.27.\(index % 10)"
            text += """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: \(name)
                  namespace: team-\(index % 7)
                  labels: {app: web-\(index)}
                spec:
                  replicas: \(index % 4 == 0 ? "\"two\"" : "2")
                  selector: {matchLabels: {app: web-\(index)}}
                  template:
                    metadata: {labels: {app: web-\(index)}}
                    spec:
                      containers:
                        - name: web
                          image: \(image)
                          ports: [{containerPort: 8080}]

                """
            if index == 700 {
                text += "---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: early, namespace: team-1}\nspec: {size: 3}\n"
            }
        }
        text += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-5, namespace: team-5}\nspec: {}\n"
        text += """
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              names: {kind: Widget, plural: widgets}
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec: {type: object, properties: {size: {type: string}}}

            """
        return text + "---\nkind: [unclosed\n"
    }

    @Test func findingsAreTheSameOnOneThreadAndOnSeveral() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-large-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/all.yaml"
        try Self.largeFile().write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 > 256 * 1024)

        func lint(jobs: Int) throws -> LintResult {
            try Linter(options: LintOptions(paths: [path], noConfig: true, jobs: jobs)).run()
        }
        let single = try lint(jobs: 1)
        let several = try lint(jobs: 0)
        let codes = Set(single.diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["schema.type", "semantic.invalid-name", "lint.latest-tag", "semantic.duplicate-resource", "yaml.syntax"]))
        // The custom resource before its CRD is checked once the CRD is known.
        #expect(single.diagnostics.contains { $0.code == "schema.yaml11-scalar" && ($0.object ?? "").contains("early") })
        #expect(several.diagnostics == single.diagnostics)
        #expect(several.documentCount == single.documentCount)
        #expect(several.resourceCount == single.resourceCount)
    }
}
