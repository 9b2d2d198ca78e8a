import KPlanCore

/// A versioned JSON document, pretty-printed with sorted keys and a trailing newline.
///
/// Format version 1:
/// ```
/// {
///   "diagnostics": [
///     {
///       "code": "lint.latest-tag",          // stable dotted code
///       "column": 16,                       // 1-based, in Unicode scalars
///       "endColumn": 28,                    // end is exclusive: the position after the last character
///       "endLine": 7,
///       "file": "deploy.yaml",              // as given on the command line; "-" is standard input
///       "line": 7,                          // 1-based
///       "message": "image uses the latest tag",
///       "notes": [                          // always present, possibly empty
///         { "column": 3, "endColumn": 7, "endLine": 2, "file": "deploy.yaml", "line": 2,
///           "message": "in this Deployment" } // location fields are null when the note has none
///       ],
///       "object": "Deployment default/web", // or null
///       "severity": "warning"               // "error", "warning" or "info"
///     }
///   ],
///   "summary": { "documents": 1, "errors": 0, "files": 1, "info": 0, "resources": 1, "warnings": 1 },
///   "tool": { "name": "kplan", "version": "0.3.0" },
///   "version": 1
/// }
/// ```
/// Diagnostics come in the report's order. Fields are only ever added within a version.
public struct JSONRenderer: ReportRenderer {
    /// The format version written to `version`.
    public static let formatVersion = 1

    /// Creates a JSON renderer.
    public init() {}

    /// Renders the report as a version 1 JSON document.
    public func render(_ report: LintReport) -> String {
        JSONValue.object([
            "diagnostics": .array(report.diagnostics.map(Self.diagnostic)),
            "summary": .object([
                "documents": .int(report.counts.documents),
                "errors": .int(report.count(of: .error)),
                "files": .int(report.counts.files),
                "info": .int(report.count(of: .info)),
                "resources": .int(report.counts.resources),
                "warnings": .int(report.count(of: .warning)),
            ]),
            "tool": .object(["name": .string("kplan"), "version": .string(report.toolVersion)]),
            "version": .int(Self.formatVersion),
        ]).document
    }

    private static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        var members = location(diagnostic.location)
        members["code"] = .string(diagnostic.code)
        members["message"] = .string(diagnostic.message)
        members["notes"] = .array(diagnostic.notes.map(note))
        members["object"] = .nullable(diagnostic.object)
        members["severity"] = .string(diagnostic.severity.rawValue)
        return .object(members)
    }

    private static func note(_ note: Diagnostic.Note) -> JSONValue {
        var members = note.location.map(location) ?? [
            "column": .null, "endColumn": .null, "endLine": .null, "file": .null, "line": .null,
        ]
        members["message"] = .string(note.message)
        return .object(members)
    }

    private static func location(_ location: SourceLocation) -> [String: JSONValue] {
        [
            "column": .int(location.range.start.column),
            "endColumn": .int(location.range.end.column),
            "endLine": .int(location.range.end.line),
            "file": .string(location.file),
            "line": .int(location.range.start.line),
        ]
    }
}
