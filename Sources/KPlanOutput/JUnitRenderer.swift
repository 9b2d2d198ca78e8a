import KPlanCore

/// JUnit XML, shaped like kubeconform's: a `testsuite` per file, a `testcase` per object named
/// `namespace/name` with class name `Kind@apiVersion`, and a `failure` element per error.
///
/// A diagnostic belongs to the object whose range holds its start. Diagnostics outside every object,
/// and files without objects, get a test case named for the file (class name `file`). Warnings and
/// info go to the test case's `system-out`; they do not fail it. Suites are ordered by path and carry
/// 1-based `id`s; no times are written, so the output is reproducible.
public struct JUnitRenderer: ReportRenderer {
    /// Creates a JUnit renderer.
    public init() {}

    /// One test case and the diagnostics attributed to it.
    private struct Case {
        var name: String
        var className: String
        var diagnostics: [Diagnostic]

        var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Renders the report as a JUnit XML test-suite collection.
    public func render(_ report: LintReport) -> String {
        let paths = Set(report.sources.keys).union(report.objects.map(\.file))
            .union(report.diagnostics.map(\.location.file)).sorted()
        let suites = paths.map { Self.cases(for: $0, in: report) }
        let tests = suites.reduce(0) { $0 + $1.count }
        let failures = suites.reduce(0) { $0 + $1.filter(\.failed).count }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"kplan\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        for (index, (path, cases)) in zip(paths, suites).enumerated() {
            output += "  <testsuite name=\"\(XMLText.attribute(path))\" id=\"\(index + 1)\" tests=\"\(cases.count)\""
            output += " failures=\"\(cases.filter(\.failed).count)\" errors=\"0\" skipped=\"0\">\n"
            for testCase in cases { output += Self.element(testCase) }
            output += "  </testsuite>\n"
        }
        return output + "</testsuites>\n"
    }

    /// The test cases of one file: its objects in document order, then the file's own when needed.
    private static func cases(for path: String, in report: LintReport) -> [Case] {
        let objects = report.objects.filter { $0.file == path }
        var cases = objects.map { object in
            Case(name: name(of: object), className: "\(object.kind)@\(object.apiVersion)", diagnostics: [])
        }
        var unattributed: [Diagnostic] = []
        for diagnostic in report.diagnostics where diagnostic.location.file == path {
            if let index = objects.firstIndex(where: { $0.contains(diagnostic.location) }) {
                cases[index].diagnostics.append(diagnostic)
            } else {
                unattributed.append(diagnostic)
            }
        }
        if objects.isEmpty || !unattributed.isEmpty {
            cases.append(Case(name: path, className: "file", diagnostics: unattributed))
        }
        return cases
    }

    /// `namespace/name`, `name`, or `document N` (1-based) for an unnamed object.
    private static func name(of object: ReportObject) -> String {
        guard !object.name.isEmpty else { return "document \(object.documentIndex + 1)" }
        guard let namespace = object.namespace, !namespace.isEmpty else { return object.name }
        return "\(namespace)/\(object.name)"
    }

    private static func element(_ testCase: Case) -> String {
        let open = "    <testcase name=\"\(XMLText.attribute(testCase.name))\""
            + " classname=\"\(XMLText.attribute(testCase.className))\""
        guard !testCase.diagnostics.isEmpty else { return open + "/>\n" }
        var output = open + ">\n"
        for error in testCase.diagnostics where error.severity == .error {
            output += "      <failure message=\"\(XMLText.attribute(error.message))\""
            output += " type=\"\(XMLText.attribute(error.code))\">"
            output += XMLText.content(DiagnosticText.plain(error)) + "</failure>\n"
        }
        let others = testCase.diagnostics.filter { $0.severity != .error }.map(DiagnosticText.plain)
        if !others.isEmpty {
            output += "      <system-out>" + XMLText.content(others.joined(separator: "\n")) + "</system-out>\n"
        }
        return output + "    </testcase>\n"
    }
}
