import KPlanCore

/// Label and annotation syntax, as `ValidateLabels` and `ValidateAnnotations` check them.
enum MetadataCheck {
    /// The most bytes all of an object's annotation keys and values may total (`TotalAnnotationSizeLimitB`).
    static let totalAnnotationSizeLimit = 256 * 1024

    /// Checks the labels and annotations of the metadata mapping at `path`.
    static func check(_ metadata: Node, path: String, into report: inout SemanticReport) {
        if let labels = metadata["labels"] {
            checkLabels(labels, path: "\(path).labels", into: &report)
        }
        if let annotations = metadata.entry("annotations") {
            checkAnnotations(annotations, path: "\(path).annotations", into: &report)
        }
    }

    /// Checks a labels-style map (labels, `matchLabels`, a map selector): keys are qualified names,
    /// values label values. Key problems point at the key, value problems at the value.
    static func checkLabels(_ map: Node, path: @autoclosure () -> String, into report: inout SemanticReport) {
        guard let entries = map.entries else { return }
        for index in entries.indices {
            let key = entries[index].name
            let keyErrors = NameSyntax.qualifiedName(key)
            if !keyErrors.isEmpty {
                report.add(
                    .error, "semantic.invalid-label-key",
                    FieldError.invalid(path(), key, keyErrors.joined(separator: "; ")), at: entries[index].key)
            }
            guard let value = labelText(entries[index].value) else { continue }
            let valueErrors = NameSyntax.labelValue(value)
            if !valueErrors.isEmpty {
                report.add(
                    .error, "semantic.invalid-label-value",
                    FieldError.invalid("\(path())[\(key)]", value, valueErrors.joined(separator: "; ")),
                    at: entries[index].value)
            }
        }
    }

    /// Checks annotation keys (qualified names, case-insensitively) and the total size of the map.
    private static func checkAnnotations(
        _ annotations: MappingEntry, path: @autoclosure () -> String, into report: inout SemanticReport
    ) {
        var total = 0
        let entries = annotations.value.entries ?? []
        for index in entries.indices {
            let key = entries[index].name
            let errors = NameSyntax.qualifiedName(isLowercaseASCII(key) ? key : key.lowercased())
            if !errors.isEmpty {
                report.add(
                    .error, "semantic.invalid-annotation-key",
                    FieldError.invalid(path(), key, errors.joined(separator: "; ")), at: entries[index].key)
            }
            total += key.utf8.count + (labelText(entries[index].value)?.utf8.count ?? 0)
        }
        if total > totalAnnotationSizeLimit {
            report.add(
                .error, "semantic.annotations-too-large",
                FieldError.tooLong(path(), bytes: totalAnnotationSizeLimit) + " (these total \(total) bytes)",
                at: annotations.key)
        }
    }

    /// Whether `text` is ASCII without capitals, so that lowercasing it changes nothing.
    private static func isLowercaseASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
    }

    /// The text a `map[string]string` value holds: a scalar's text, `""` for null, nil for collections.
    static func labelText(_ node: Node) -> String? {
        guard let scalar = node.scalar else { return nil }
        if case .null = scalar.value { return "" }
        return scalar.text
    }
}
