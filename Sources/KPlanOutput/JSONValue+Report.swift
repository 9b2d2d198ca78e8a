import KPlanCore

extension JSONValue {
    /// A string, or `null` when absent.
    static func nullable(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// An integer count or position.
    static func int(_ value: Int) -> JSONValue {
        .int(Int64(value))
    }

    /// The pretty-printed document (keys sorted, two-space indent), ending with a newline.
    var document: String { prettyJSON }
}
