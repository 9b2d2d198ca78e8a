import KPlanCore

/// One lint finding as the API server words it (`k8s.io/apimachinery/pkg/util/validation/field`):
/// the field, the error type, the bad value and the detail.
struct APIFieldError {
    /// The field path (`spec.replicas`).
    var field: String
    /// The cause reason (`FieldValueInvalid`, `FieldValueRequired`, …).
    var reason: String
    /// The error without its field: `Invalid value: -1: must be greater than or equal to 0`.
    var body: String
    /// Whether the server refuses this while decoding (an undeclared field, a value of the wrong
    /// type) rather than in validation.
    var isDecodingError: Bool

    /// `field: body`, as the server lists it.
    var text: String { field.isEmpty ? body : "\(field): \(body)" }

    /// How the decoder words this error.
    var decodingMessage: String {
        reason == "FieldValueTypeInvalid" ? "\(field): \(body)" : "strict decoding error: \(body)"
    }

    private static let semanticTypes: [(prefix: String, reason: String)] = [
        ("Invalid value", "FieldValueInvalid"), ("Required value", "FieldValueRequired"),
        ("Duplicate value", "FieldValueDuplicate"), ("Not found", "FieldValueNotFound"),
        ("Forbidden", "FieldValueForbidden"), ("Unsupported value", "FieldValueNotSupported"),
        ("Too long", "FieldValueTooLong"), ("Too many", "FieldValueTooMany"),
    ]

    /// Translates `finding`, made on `tree` (built from `object`). A custom resource (`isCustom`) is
    /// decoded without a Go type, so a value of the wrong type is a validation error worded as the
    /// CRD validator words it.
    init(_ finding: Diagnostic, tree: ValidationTree, object: JSONValue, isCustom: Bool) {
        let steps = tree.path(at: finding.location.range.start)
        let path = ValidationTree.render(steps)
        let value = ValidationTree.value(at: steps, in: object)
        isDecodingError = false
        if finding.code.hasPrefix("semantic.") || finding.code.hasPrefix("api."), let split = Self.semanticSplit(finding.message) {
            field = split.field
            reason = split.reason
            body = Self.unquotingNumber(split.body, value: value)
            return
        }
        let detail = Self.detail(finding.message, path: path)
        field = path
        switch finding.code {
        case "schema.required":
            let name = Self.quotedName(in: finding.message) ?? ""
            field = path.isEmpty ? name : "\(path).\(name)"
            reason = "FieldValueRequired"
            body = "Required value"
        case "schema.unknown-field":
            reason = "FieldValueInvalid"
            body = "unknown field \"\(path)\""
            isDecodingError = true
        case "schema.type" where isCustom:
            reason = "FieldValueInvalid"
            let typeName = value?.typeName ?? "null"
            let expected = String(detail.dropFirst("expected ".count).prefix { $0 != "," })
            let shown = value?.string ?? typeName
            body = "Invalid value: \"\(typeName)\": \(path) in body must be of type \(expected): \(Self.quote(shown))"
        case "schema.type", "schema.yaml11-scalar":
            reason = "FieldValueTypeInvalid"
            body = "Invalid value: \(Self.goValue(value)): \(detail)"
            isDecodingError = true
        case "schema.enum":
            reason = "FieldValueNotSupported"
            let allowed = detail.components(separatedBy: "allowed values: ").last ?? detail
            body = "Unsupported value: \(Self.goValue(value)): supported values: \(Self.quotedList(allowed))"
        case "schema.duplicate-list-key":
            reason = "FieldValueDuplicate"
            body = "Duplicate value: \(Self.goValue(value))"
        case "schema.bounds":
            reason = "FieldValueInvalid"
            body = "Invalid value: \(Self.goValue(value)): \(Self.boundsDetail(detail))"
        default:
            reason = "FieldValueInvalid"
            body = "Invalid value: \(Self.goValue(value)): \(detail)"
        }
    }

    /// `path: Type...` split into the field, the cause reason and the body.
    private static func semanticSplit(_ message: String) -> (field: String, reason: String, body: String)? {
        guard let separator = message.range(of: ": ") else { return nil }
        let body = String(message[separator.upperBound...])
        guard let type = semanticTypes.first(where: { body.hasPrefix($0.prefix) }) else { return nil }
        return (String(message[..<separator.lowerBound]), type.reason, body)
    }

    /// The lint's semantic checks quote every bad value; the server prints numbers bare.
    private static func unquotingNumber(_ body: String, value: JSONValue?) -> String {
        guard let number = value?.int, case .int? = value else { return body }
        let quoted = "Invalid value: \"\(number)\":"
        guard body.hasPrefix(quoted) else { return body }
        return "Invalid value: \(number):" + body.dropFirst(quoted.count)
    }

    /// The lint message without the field path the schema validator puts in front of it.
    private static func detail(_ message: String, path: String) -> String {
        guard let separator = message.range(of: ": "), !message.hasPrefix("missing") else { return message }
        let head = message[..<separator.lowerBound]
        return head.contains(" ") ? message : String(message[separator.upperBound...])
    }

    /// The lint bound messages as the API server words them.
    private static func boundsDetail(_ detail: String) -> String {
        if let minimum = detail.components(separatedBy: "is less than the minimum ").dropFirst().first {
            return "must be greater than or equal to \(minimum)"
        }
        if let maximum = detail.components(separatedBy: "is greater than the maximum ").dropFirst().first {
            return "must be less than or equal to \(maximum)"
        }
        return detail
    }

    private static func quotedName(in message: String) -> String? {
        let parts = message.split(separator: "\"", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[1]) : nil
    }

    /// `A, B` (as the lint lists enum values) as Go quotes them: `"A", "B"`.
    private static func quotedList(_ list: String) -> String {
        list.components(separatedBy: ", ").map { item in
            item.hasPrefix("\"") ? item : "\"\(item)\""
        }.joined(separator: ", ")
    }

    /// A value as `field.Error` prints it: strings quoted, numbers and booleans bare, null as `null`,
    /// objects and arrays as JSON.
    static func goValue(_ value: JSONValue?) -> String {
        guard let value else { return "null" }
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double: return value.compactJSON
        case .string(let text): return Self.quote(text)
        case .array, .object: return value.compactJSON
        }
    }

    private static func quote(_ text: String) -> String {
        var output = ""
        JSONValue.writeString(text, to: &output)
        return output
    }
}
