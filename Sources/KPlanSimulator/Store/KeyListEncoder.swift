import KPlanCore

/// Resource keys as one JSON array of `[group, kind, namespace, name]` arrays: the single parameter
/// of the batched read.
enum KeyListEncoder {
    static func encode(_ keys: some Sequence<ResourceKey>) -> String {
        var output = "["
        for key in keys {
            if output.utf8.count > 1 { output += "," }
            output += "["
            append(key.group, to: &output)
            output += ","
            append(key.kind, to: &output)
            output += ","
            append(key.namespace, to: &output)
            output += ","
            append(key.name, to: &output)
            output += "]"
        }
        return output + "]"
    }

    /// Appends a string literal; names are plain ASCII almost always, so those skip escaping.
    private static func append(_ text: String, to output: inout String) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            output += "\""
            output += text
            output += "\""
        } else {
            JSONValue.writeString(text, to: &output)
        }
    }
}
