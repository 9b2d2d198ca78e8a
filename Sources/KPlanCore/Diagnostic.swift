/// How serious a finding is. Ordered from least to most severe.
public enum Severity: String, Comparable, Sendable, CaseIterable, Codable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A finding about the input: a stable code, a message, and the source it points at.
///
/// Codes are dotted and stable (`yaml.syntax`, `schema.unknown-field`, `lint.latest-tag`); output
/// formats, suppressions and the configuration file refer to them.
public struct Diagnostic: Hashable, Sendable {
    /// A secondary location with its own message ("first defined here").
    public struct Note: Hashable, Sendable {
        /// What the note says.
        public var message: String
        /// Where it points, if anywhere.
        public var location: SourceLocation?

        /// Creates a note.
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// The finding's severity.
    public var severity: Severity
    /// Its stable code.
    public var code: String
    /// A one-line message.
    public var message: String
    /// Where it points.
    public var location: SourceLocation
    /// Further context.
    public var notes: [Note]
    /// The object the finding is about, when there is one (`Deployment default/web`).
    public var object: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, code: String, message: String, at location: SourceLocation,
        notes: [Note] = [], object: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
        self.object = object
    }
}

extension Diagnostic: Comparable {
    /// Orders by file, then position, then code and message, so output is deterministic.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location.file != rhs.location.file { return lhs.location.file < rhs.location.file }
        if lhs.location.range.start != rhs.location.range.start {
            return lhs.location.range.start < rhs.location.range.start
        }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.message < rhs.message
    }
}
