import KPlanCore
import KPlanOutput

/// A small report exercising every renderer: an error with a located and an unlocated note, a warning
/// whose message spans two lines, an info in a file whose text is not available, a path with a comma.
enum SampleReport {
    static let deployPath = "deploy,prod.yaml"

    static let deployText = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
        spec:
          replicas: "3"
          image: nginx:latest

        """

    static func range(_ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(
            start: SourcePosition(line: line, column: column), end: SourcePosition(line: endLine, column: endColumn)
        )
    }

    static func at(_ file: String, _ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceLocation {
        SourceLocation(file: file, range: range(line, column, endLine, endColumn))
    }

    static let error = Diagnostic(
        .error, code: "schema.type", message: "spec.replicas must be an integer, not a string",
        at: SourceLocation(file: deployPath, range: range(7, 13, 7, 16)),
        notes: [
            Diagnostic.Note("in this Deployment", at: SourceLocation(file: deployPath, range: range(2, 7, 2, 17))),
            Diagnostic.Note("see `kubectl explain deployment.spec`"),
        ],
        object: "Deployment default/web"
    )

    static let warning = Diagnostic(
        .warning, code: "lint.latest-tag", message: "image \"nginx:latest\" uses the latest tag\npin a version",
        at: SourceLocation(file: deployPath, range: range(8, 10, 8, 22)),
        object: "Deployment default/web"
    )

    static let info = Diagnostic(
        .info, code: "lint.no-labels", message: "Service has no labels <app>",
        at: SourceLocation(file: "svc.yaml", range: range(3, 1, 3, 1))
    )

    static let rules = [
        RuleDescriptor(
            id: "schema.type", shortDescription: "A value has the wrong type", defaultSeverity: .error,
            help: "Change the value to the type the schema expects."
        ),
        RuleDescriptor(id: "lint.latest-tag", shortDescription: "Image uses the latest tag", defaultSeverity: .warning),
    ]

    static let objects = [
        ReportObject(
            file: deployPath, documentIndex: 0, apiVersion: "apps/v1", kind: "Deployment", namespace: "default",
            name: "web", range: range(1, 1, 9, 1)
        )
    ]

    /// The report, built from deliberately unsorted diagnostics.
    static let report = LintReport(
        diagnostics: [info, warning, error],
        sources: [SourceFile(path: deployPath, bytes: Array(deployText.utf8))],
        objects: objects,
        counts: LintReport.Counts(files: 2, documents: 2, resources: 2),
        toolVersion: "1.2.3",
        toolInformationURI: "https://example.invalid/kplan",
        rules: rules
    )
}
