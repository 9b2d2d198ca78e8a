import KPlanCore

/// ConfigMap and Secret keys (`IsConfigMapKey`), and ConfigMap keys present in both `data` and `binaryData`.
enum DataKeyCheck {
    /// Checks the data keys of a core ConfigMap or Secret; other kinds are left alone.
    static func check(_ resource: Resource, into report: inout SemanticReport) {
        guard resource.gvk.group == "" else { return }
        let fields: [String]
        switch resource.gvk.kind {
        case "ConfigMap": fields = ["data", "binaryData"]
        case "Secret": fields = ["data", "stringData"]
        default: return
        }
        for field in fields {
            for entry in resource.node[field]?.entries ?? [] {
                let errors = NameSyntax.configMapKey(entry.name)
                if !errors.isEmpty {
                    report.add(
                        .error, "semantic.invalid-data-key",
                        FieldError.invalid("\(field)[\(entry.name)]", entry.name, errors.joined(separator: "; ")),
                        at: entry.key)
                }
            }
        }
        guard resource.gvk.kind == "ConfigMap", let data = resource.node["data"]?.entries else { return }
        for entry in resource.node["binaryData"]?.entries ?? [] {
            guard let first = data.first(where: { $0.name == entry.name }) else { continue }
            report.add(
                .error, "semantic.duplicate-data-key",
                FieldError.invalid("binaryData[\(entry.name)]", entry.name, "duplicate of key present in data"),
                at: entry.key, notes: [report.note("\"\(entry.name)\" is defined in data here", at: first.key)])
        }
    }
}
