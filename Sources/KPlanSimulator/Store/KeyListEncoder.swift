import KPlanCore

/// Resource keys as one JSON array of `[group, kind, namespace, name]` arrays: the single parameter
/// of the batched read.
enum KeyListEncoder {
    static func encode(_ keys: some Sequence<ResourceKey>) -> String {
        var output: [UInt8] = [UInt8(ascii: "[")]
        for key in keys {
            if output.count > 1 { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "["))
            JSONValue.writeString(key.group, to: &output)
            output.append(UInt8(ascii: ","))
            JSONValue.writeString(key.kind, to: &output)
            output.append(UInt8(ascii: ","))
            JSONValue.writeString(key.namespace, to: &output)
            output.append(UInt8(ascii: ","))
            JSONValue.writeString(key.name, to: &output)
            output.append(UInt8(ascii: "]"))
        }
        output.append(UInt8(ascii: "]"))
        return String(decoding: output, as: UTF8.self)
    }
}
