import KPlanCore

/// One entry of a schema's `x-kubernetes-validations`, ready to check values.
public struct CELValidationRule: Sendable {
    /// The `rule` expression text.
    public var rule: String
    /// The `message`, if any.
    public var message: String?
    /// The `messageExpression`, if any.
    public var messageExpression: String?
    /// The `reason` (`FieldValueInvalid`, `FieldValueForbidden`, …), if any.
    public var reason: String?
    /// The `fieldPath` the failure is reported at, relative to the node, if any.
    public var fieldPath: String?
    /// Whether a transition rule also runs when there is no old value (`optionalOldSelf`).
    public var optionalOldSelf: Bool

    /// Creates a rule from its fields.
    public init(
        rule: String, message: String? = nil, messageExpression: String? = nil, reason: String? = nil,
        fieldPath: String? = nil, optionalOldSelf: Bool = false
    ) {
        self.rule = rule
        self.message = message
        self.messageExpression = messageExpression
        self.reason = reason
        self.fieldPath = fieldPath
        self.optionalOldSelf = optionalOldSelf
    }

    /// Reads one `x-kubernetes-validations` entry (a mapping with at least `rule`).
    public init?(_ node: Node) {
        guard let rule = node["rule"]?.scalar?.text else { return nil }
        self.init(
            rule: rule, message: node["message"]?.scalar?.text,
            messageExpression: node["messageExpression"]?.scalar?.text,
            reason: node["reason"]?.scalar?.text, fieldPath: node["fieldPath"]?.scalar?.text,
            optionalOldSelf: node["optionalOldSelf"]?.bool ?? false
        )
    }

    /// The rules of a schema node's `x-kubernetes-validations`, in order; entries without `rule` are skipped.
    public static func rules(of schema: Node) -> [CELValidationRule] {
        (schema["x-kubernetes-validations"]?.items ?? []).compactMap(CELValidationRule.init)
    }

    /// The parsed rule (cached by text), or why it does not parse.
    public var expression: Result<CELExpression, CELParseError> {
        Result { () throws(CELParseError) in try CELExpression.cached(rule) }
    }

    /// Checks `value` (and `oldSelf` on update) against the rule, with the API server's message.
    ///
    /// Pass `schema`, the OpenAPI schema of the node (the one holding this rule), so values take the
    /// CEL types Kubernetes derives from it (see `CELExpression.evaluate`).
    ///
    /// A transition rule (one that mentions `oldSelf`) passes without running when there is no old
    /// value, as on create, unless `optionalOldSelf` is set: then it runs with `oldSelf` an optional
    /// (`optional.none()` on create). An evaluation error fails the check with a message naming the
    /// error; a rule that does not parse fails with the parse error.
    public func check(self value: Node, oldSelf: Node? = nil, schema: Node? = nil) -> (passed: Bool, message: String) {
        let expression: CELExpression
        switch self.expression {
        case .success(let parsed): expression = parsed
        case .failure(let error): return (false, "rule compile error: \(error)")
        }
        if expression.referencesOldSelf, oldSelf == nil, !optionalOldSelf { return (true, "") }
        switch expression.evaluate(self: value, oldSelf: oldSelf, schema: schema, optionalOldSelf: optionalOldSelf) {
        case .passed: return (true, "")
        case .failed: return (false, failureMessage(self: value, oldSelf: oldSelf, schema: schema))
        case .error(let error): return (false, "\(errorSubject): \(error)")
        }
    }

    private var errorSubject: String {
        let trimmed = message?.trimmingWhitespace ?? ""
        return trimmed.isEmpty ? rule.trimmingWhitespace : trimmed
    }

    /// The message for a failed rule: the `messageExpression` result when it yields a non-empty string,
    /// else `message`, else `failed rule: <rule>`.
    private func failureMessage(self value: Node, oldSelf: Node?, schema: Node?) -> String {
        if let messageExpression, let parsed = try? CELExpression.cached(messageExpression),
            case .success(let text) = parsed.evaluateString(
                self: value, oldSelf: oldSelf, schema: schema, optionalOldSelf: optionalOldSelf),
            !text.trimmingWhitespace.isEmpty
        {
            return text.trimmingWhitespace
        }
        if let message, !message.trimmingWhitespace.isEmpty { return message.trimmingWhitespace }
        return "failed rule: \(rule.trimmingWhitespace)"
    }
}

private extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        let kept = scalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }.reversed()
        return String(String.UnicodeScalarView(kept))
    }
}
