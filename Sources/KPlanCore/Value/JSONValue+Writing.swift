extension JSONValue {
    /// The value as compact JSON, object keys sorted (the form stored and hashed).
    public var compactJSON: String {
        String(decoding: compactJSONBytes, as: UTF8.self)
    }

    /// The UTF-8 bytes of `compactJSON`, without making a String (for storing).
    public var compactJSONBytes: [UInt8] {
        var output: [UInt8] = []
        writeCompactJSON { output.append(contentsOf: $0) }
        return output
    }

    /// Hands the UTF-8 bytes of `compactJSON` to `sink` in consecutive pieces (of a few kilobytes),
    /// without making one array of them (for hashing).
    public func writeCompactJSON(to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        JSONTextWriter.withWriter(sink: sink) { $0.write(self, indent: nil) }
    }

    /// The value as indented JSON (two spaces), object keys sorted, ending with a newline.
    public var prettyJSON: String {
        var output: [UInt8] = []
        JSONTextWriter.withWriter(sink: { output.append(contentsOf: $0) }) { writer in
            writer.write(self, indent: 0)
        }
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal.
    public static func writeString(_ text: String, to output: inout String) {
        var bytes: [UInt8] = []
        writeString(text, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal, in UTF-8.
    public static func writeString(_ text: String, to output: inout [UInt8]) {
        JSONTextWriter.withWriter(chunkSize: 256, sink: { output.append(contentsOf: $0) }) { $0.writeString(text) }
    }
}
