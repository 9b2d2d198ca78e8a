/// One step of a field path inside an object: a mapping key or a sequence index.
enum FieldPathElement {
    case key(String)
    case index(Int)

    /// Renders a path as users read it: `spec.template.spec.containers[0].image`; keys that are not
    /// plain identifiers are bracketed: `metadata.labels["app.kubernetes.io/name"]`.
    static func render(_ path: [FieldPathElement]) -> String {
        var text = ""
        for element in path {
            switch element {
            case .key(let name):
                if isIdentifier(name) {
                    if !text.isEmpty { text += "." }
                    text += name
                } else {
                    text += "[\"\(name)\"]"
                }
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    private static func isIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "$"):
                true
            default:
                false
            }
        }
    }
}
