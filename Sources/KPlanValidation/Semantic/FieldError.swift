/// Messages worded as the API server's `field.Error`s (`k8s.io/apimachinery/pkg/util/validation/field`):
/// `<path>: <type>: <value>: <detail>`.
enum FieldError {
    /// `field.Invalid`.
    static func invalid(_ path: String, _ value: String, _ detail: String) -> String {
        "\(path): Invalid value: \(quoted(value)): \(detail)"
    }

    /// `field.Required`.
    static func required(_ path: String, _ detail: String = "") -> String {
        detail.isEmpty ? "\(path): Required value" : "\(path): Required value: \(detail)"
    }

    /// `field.Duplicate`.
    static func duplicate(_ path: String, _ value: String) -> String {
        "\(path): Duplicate value: \(quoted(value))"
    }

    /// `field.NotFound`.
    static func notFound(_ path: String, _ value: String) -> String {
        "\(path): Not found: \(quoted(value))"
    }

    /// `field.Forbidden`.
    static func forbidden(_ path: String, _ detail: String) -> String {
        "\(path): Forbidden: \(detail)"
    }

    /// `field.NotSupported`.
    static func notSupported(_ path: String, _ value: String, supported: [String]) -> String {
        "\(path): Unsupported value: \(quoted(value)): supported values: "
            + supported.map(quoted).joined(separator: ", ")
    }

    /// `field.TooLong` for a byte limit.
    static func tooLong(_ path: String, bytes limit: Int) -> String {
        "\(path): Too long: may not be more than \(limit) bytes"
    }

    /// A string quoted as Go's `%q` does for printable text.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
