import KPlanCore

/// SARIF 2.1.0 (OASIS), the format code-scanning services read: one run whose driver lists the rules,
/// and one result per diagnostic.
///
/// Columns are Unicode scalars (`columnKind: unicodeCodePoints`) and region ends are exclusive, as in
/// SARIF. Relative paths become URIs relative to `%SRCROOT%`, absolute ones `file://` URIs. Located notes
/// become `relatedLocations`; unlocated ones are appended to the message text as `note: …` lines. The
/// diagnostic's object, when named, is a logical location of kind `resource`. Rules the report does
/// not describe are listed by id alone, so every result has a `ruleIndex`.
public struct SARIFRenderer: ReportRenderer {
    /// The schema URI written to `$schema`.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// Creates a SARIF renderer.
    public init() {}

    /// Renders the report as a SARIF 2.1.0 log with one run.
    public func render(_ report: LintReport) -> String {
        let rules = Self.rules(report)
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var driver: [String: JSONValue] = [
            "name": .string("kplan"),
            "rules": .array(rules.map(Self.rule)),
            "version": .string(report.toolVersion),
        ]
        if let uri = report.toolInformationURI { driver["informationUri"] = .string(uri) }
        let run: JSONValue = .object([
            "columnKind": .string("unicodeCodePoints"),
            "results": .array(report.diagnostics.map { Self.result($0, ruleIndex: ruleIndex[$0.code] ?? 0) }),
            "tool": .object(["driver": .object(driver)]),
        ])
        return JSONValue.object([
            "$schema": .string(Self.schemaURI),
            "runs": .array([run]),
            "version": .string("2.1.0"),
        ]).document
    }

    /// A rule as the driver lists it: described by the report, or known by id alone.
    private struct DriverRule {
        var id: String
        var descriptor: RuleDescriptor?
    }

    /// The report's rules plus a bare entry for every other code used, ordered by id.
    private static func rules(_ report: LintReport) -> [DriverRule] {
        let described = report.rules.map { DriverRule(id: $0.id, descriptor: $0) }
        let undescribed = Set(report.diagnostics.map(\.code)).subtracting(report.rules.map(\.id))
            .map { DriverRule(id: $0, descriptor: nil) }
        return (described + undescribed).sorted { $0.id < $1.id }
    }

    private static func rule(_ rule: DriverRule) -> JSONValue {
        var members: [String: JSONValue] = ["id": .string(rule.id)]
        if let descriptor = rule.descriptor {
            members["shortDescription"] = .object(["text": .string(descriptor.shortDescription)])
            members["defaultConfiguration"] = .object(["level": .string(level(descriptor.defaultSeverity))])
            if !descriptor.help.isEmpty { members["help"] = .object(["text": .string(descriptor.help)]) }
        }
        return .object(members)
    }

    private static func result(_ diagnostic: Diagnostic, ruleIndex: Int) -> JSONValue {
        let located = diagnostic.notes.compactMap { note in note.location.map { (note.message, $0) } }
        let unlocated = diagnostic.notes.filter { $0.location == nil }.map { "\nnote: \($0.message)" }
        var location: [String: JSONValue] = ["physicalLocation": physicalLocation(diagnostic.location)]
        if let object = diagnostic.object {
            location["logicalLocations"] = .array([
                .object(["fullyQualifiedName": .string(object), "kind": .string("resource")])
            ])
        }
        var members: [String: JSONValue] = [
            "level": .string(level(diagnostic.severity)),
            "locations": .array([.object(location)]),
            "message": .object(["text": .string(diagnostic.message + unlocated.joined())]),
            "ruleId": .string(diagnostic.code),
            "ruleIndex": .int(ruleIndex),
        ]
        if !located.isEmpty {
            members["relatedLocations"] = .array(located.enumerated().map { index, note in
                .object([
                    "id": .int(index + 1),
                    "message": .object(["text": .string(note.0)]),
                    "physicalLocation": physicalLocation(note.1),
                ])
            })
        }
        return .object(members)
    }

    private static func physicalLocation(_ location: SourceLocation) -> JSONValue {
        let range = location.range
        var region: [String: JSONValue] = [
            "startColumn": .int(range.start.column),
            "startLine": .int(range.start.line),
        ]
        if range.start < range.end {
            region["endColumn"] = .int(range.end.column)
            region["endLine"] = .int(range.end.line)
        }
        var artifact: [String: JSONValue] = ["uri": .string(ArtifactURI.uri(for: location.file))]
        if !location.file.hasPrefix("/") { artifact["uriBaseId"] = .string("%SRCROOT%") }
        return .object(["artifactLocation": .object(artifact), "region": .object(region)])
    }

    /// SARIF's `level` for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}
