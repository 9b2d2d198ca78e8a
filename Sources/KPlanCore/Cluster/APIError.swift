/// A refusal from a cluster, shaped like Kubernetes' `metav1.Status` failure: a reason, an HTTP
/// code, a message, and per-field causes.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the request failed (Kubernetes' `StatusReason`).
    public enum Reason: String, Sendable, Hashable {
        case notFound = "NotFound"
        case alreadyExists = "AlreadyExists"
        case conflict = "Conflict"
        case invalid = "Invalid"
        case badRequest = "BadRequest"
        case forbidden = "Forbidden"
        case methodNotAllowed = "MethodNotAllowed"
        case expired = "Expired"
        case internalError = "InternalError"

        /// The HTTP status code the API server answers with.
        public var code: Int {
            switch self {
            case .notFound: 404
            case .alreadyExists, .conflict: 409
            case .invalid: 422
            case .badRequest: 400
            case .forbidden: 403
            case .methodNotAllowed: 405
            case .expired: 410
            case .internalError: 500
            }
        }
    }

    /// One field-level cause (Kubernetes' `StatusCause`).
    public struct Cause: Sendable, Hashable {
        /// A machine-readable type (`FieldValueInvalid`, `FieldManagerConflict`, …).
        public var type: String
        /// What is wrong.
        public var message: String
        /// The field path (`spec.replicas`, `.spec.replicas` for conflicts, as Kubernetes writes them).
        public var field: String

        /// Creates a cause.
        public init(type: String, message: String, field: String) {
            self.type = type
            self.message = message
            self.field = field
        }
    }

    /// Why.
    public var reason: Reason
    /// The whole message, as the API server would write it.
    public var message: String
    /// Field-level causes.
    public var causes: [Cause]
    /// Positioned findings behind an `invalid` refusal, when the input had positions.
    public var diagnostics: [Diagnostic]

    /// Creates an error.
    public init(_ reason: Reason, _ message: String, causes: [Cause] = [], diagnostics: [Diagnostic] = []) {
        self.reason = reason
        self.message = message
        self.causes = causes
        self.diagnostics = diagnostics
    }

    /// HTTP status code.
    public var code: Int { reason.code }

    public var description: String { message }
}
