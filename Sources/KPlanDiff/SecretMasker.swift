import KPlanCore

/// Hides the values of `v1 Secret` objects wherever a plan is shown, keeping their keys and a
/// marker per value, so a change is still visible without the secret:
///
/// | value                 | before side                          | after side                              |
/// |-----------------------|--------------------------------------|-----------------------------------------|
/// | unchanged             | `(sensitive, 12 bytes)`              | `(sensitive, 12 bytes)`                 |
/// | changed               | `(sensitive, 12 bytes, before change)` | `(sensitive, changed, 12 → 16 bytes)` |
/// | only on one side      | `(sensitive, 12 bytes)`              | `(sensitive, 16 bytes)`                 |
///
/// Sizes count decoded bytes for `data` (base64) and UTF-8 bytes for `stringData`. A unified diff of
/// the masked YAML therefore shows a changed line exactly where a value changed. The
/// last-applied-configuration annotation, which would hold the values, becomes `(sensitive)`.
/// `--show-secrets` means not calling it.
public enum SecretMasker {
    /// The members whose values are masked.
    public static let maskedFields = ["data", "stringData"]

    /// Whether `object` is a core `v1` Secret.
    public static func isSecret(_ object: KubeObject) -> Bool {
        object.apiVersion == "v1" && object.kind == "Secret"
    }

    /// The pair with Secret values replaced by markers; non-Secrets are returned as they are.
    public static func mask(before: KubeObject?, after: KubeObject?) -> (before: KubeObject?, after: KubeObject?) {
        var before = before
        var after = after
        let beforeIsSecret = before.map(isSecret) ?? false
        let afterIsSecret = after.map(isSecret) ?? false
        for field in maskedFields {
            let lhs = beforeIsSecret ? before?[field]?.object : nil
            let rhs = afterIsSecret ? after?[field]?.object : nil
            if let lhs { before?[field] = .object(masked(lhs, other: rhs, field: field, isAfter: false)) }
            if let rhs { after?[field] = .object(masked(rhs, other: lhs, field: field, isAfter: true)) }
        }
        if beforeIsSecret { before = maskingLastApplied(before) }
        if afterIsSecret { after = maskingLastApplied(after) }
        return (before, after)
    }

    /// One object masked on its own (as it is shown when nothing is compared with it).
    public static func mask(_ object: KubeObject) -> KubeObject {
        mask(before: nil, after: object).after ?? object
    }

    /// `change` with its before, after and desired objects masked.
    public static func mask(_ change: PlannedChange) -> PlannedChange {
        var change = change
        (change.before, change.after) = mask(before: change.before, after: change.after)
        change.desired = change.desired.map(mask)
        return change
    }

    /// `plan` with every change masked.
    public static func mask(_ plan: Plan) -> Plan {
        Plan(changes: plan.changes.map(mask))
    }

    private static func masked(
        _ values: [String: JSONValue], other: [String: JSONValue]?, field: String, isAfter: Bool
    ) -> [String: JSONValue] {
        values.reduce(into: [:]) { result, entry in
            let size = byteCount(entry.value, field: field)
            guard let previous = other?[entry.key], previous != entry.value else {
                result[entry.key] = .string("(sensitive, \(bytes(size)))")
                return
            }
            let otherSize = byteCount(previous, field: field)
            result[entry.key] = .string(
                isAfter
                    ? "(sensitive, changed, \(otherSize) → \(bytes(size)))"
                    : "(sensitive, \(bytes(size)), before change)")
        }
    }

    /// `1 byte`, `12 bytes`.
    private static func bytes(_ count: Int) -> String {
        count == 1 ? "1 byte" : "\(count) bytes"
    }

    /// The size of a value: decoded bytes of base64 `data`, UTF-8 bytes of `stringData` text.
    private static func byteCount(_ value: JSONValue, field: String) -> Int {
        guard let text = value.string else { return value.compactJSON.utf8.count }
        guard field == "data" else { return text.utf8.count }
        let encoded = text.utf8.filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let padding = encoded.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        return max(0, encoded.count * 3 / 4 - padding)
    }

    private static func maskingLastApplied(_ object: KubeObject?) -> KubeObject? {
        guard var object, object.annotations[NoiseFilter.lastAppliedAnnotation] != nil else { return object }
        object.annotations[NoiseFilter.lastAppliedAnnotation] = "(sensitive)"
        return object
    }
}
