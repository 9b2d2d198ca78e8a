import KPlanCore
import KPlanYAML

extension LintConfiguration {
    /// The configuration file's conventional name.
    public static let fileName = ".kplan.yaml"

    /// Reads a `.kplan.yaml` file.
    ///
    /// ```yaml
    /// rules:
    ///   latest-tag: error            # off | on | info | warning | error
    ///   missing-cpu-limit: {enabled: true, severity: info}
    /// enable: [default-namespace]    # `all` enables every rule
    /// disable: [missing-liveness-probe]
    /// exclude: ["charts/**/tests/*.yaml", "*.generated.yaml"]
    /// kubernetesVersion: "1.29"
    /// ignoreMissingSchemas: false
    /// skipNonKubernetes: false
    /// ```
    ///
    /// Rule ids may also be written as codes (`lint.latest-tag`). Problems are returned as diagnostics
    /// positioned in the file: `config.unknown-rule` and `config.unknown-key` (warnings) for names it
    /// does not know, `config.invalid-value` (error) for values it cannot use, and the YAML loader's own
    /// codes for syntax errors. Whatever could be read is kept.
    /// - Parameters:
    ///   - file: the path the bytes were read from; its directory becomes ``baseDirectory``.
    ///   - knownRuleIDs: the ids rule names are checked against.
    public static func load(
        _ bytes: [UInt8], file: String, knownRuleIDs: Set<String> = LintRuleRegistry.ids
    ) -> (configuration: LintConfiguration, diagnostics: [Diagnostic]) {
        let stream = YAMLLoader.load(bytes, file: file)
        var reader = LintConfigurationReader(file: file, knownRuleIDs: knownRuleIDs)
        reader.diagnostics = stream.diagnostics
        var configuration = LintConfiguration(baseDirectory: directory(of: file))
        let documents = stream.documents.filter { !$0.isEmpty }
        if let root = documents.first?.root {
            reader.read(root, into: &configuration)
        }
        if documents.count > 1 {
            reader.report(.warning, "config.invalid-value",
                          "only the first YAML document of a configuration file is read", at: documents[1].root)
        }
        return (configuration, reader.diagnostics.sorted())
    }

    private static func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        let directory = String(file[..<slash])
        return directory.isEmpty ? "/" : directory
    }
}

/// Reads the nodes of a configuration file, collecting diagnostics.
private struct LintConfigurationReader {
    let file: String
    let knownRuleIDs: Set<String>
    var diagnostics: [Diagnostic] = []

    init(file: String, knownRuleIDs: Set<String>) {
        self.file = file
        self.knownRuleIDs = knownRuleIDs
    }

    mutating func report(
        _ severity: Severity, _ code: String, _ message: String, at node: Node, notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(Diagnostic(severity, code: code, message: message,
                                      at: SourceLocation(file: file, range: node.range), notes: notes))
    }

    mutating func read(_ root: Node, into configuration: inout LintConfiguration) {
        guard let entries = root.entries else {
            report(.error, "config.invalid-value", "a configuration file must be a mapping, not \(root.typeName)", at: root)
            return
        }
        for entry in entries {
            switch entry.name {
            case "rules": configuration.rules = readRules(entry.value)
            case "enable": configuration.enable = Set(readRuleList(entry.value))
            case "disable": configuration.disable = Set(readRuleList(entry.value))
            case "exclude": configuration.exclude = readStrings(entry.value, field: "exclude")
            case "kubernetesVersion":
                let text = entry.value.scalar?.text ?? ""
                if entry.value.scalar != nil, let version = LintKubernetesVersion(text) {
                    configuration.kubernetesVersion = version
                } else {
                    report(.error, "config.invalid-value",
                           "kubernetesVersion must be a version such as \"1.29\", not \(describe(entry.value))", at: entry.value)
                }
            case "ignoreMissingSchemas":
                if let value = readBool(entry.value, field: "ignoreMissingSchemas") { configuration.ignoreMissingSchemas = value }
            case "skipNonKubernetes":
                if let value = readBool(entry.value, field: "skipNonKubernetes") { configuration.skipNonKubernetes = value }
            default:
                report(.warning, "config.unknown-key",
                       "unknown configuration key \"\(entry.name)\" (known: rules, enable, disable, exclude, kubernetesVersion, ignoreMissingSchemas, skipNonKubernetes)",
                       at: entry.key)
            }
        }
    }

    private func describe(_ node: Node) -> String {
        if let scalar = node.scalar { return "\"\(scalar.text)\"" }
        return "a \(node.typeName)"
    }

    /// A rule id as written, with an optional `lint.` prefix removed; nil (reported) when unknown.
    private mutating func ruleID(_ node: Node, allowAll: Bool) -> String? {
        guard let text = node.scalar?.text, node.entries == nil else {
            report(.error, "config.invalid-value", "a rule id must be a string, not \(node.typeName)", at: node)
            return nil
        }
        let id = text.hasPrefix("lint.") ? String(text.dropFirst(5)) : text
        if allowAll, id == "all" { return id }
        guard knownRuleIDs.contains(id) else {
            let suggestion = knownRuleIDs.map { (id: $0, distance: lintEditDistance($0, id)) }
                .filter { $0.distance <= 3 }
                .min { ($0.distance, $0.id) < ($1.distance, $1.id) }
            report(.warning, "config.unknown-rule", "unknown lint rule \"\(text)\"", at: node,
                   notes: suggestion.map { [Diagnostic.Note("did you mean \"\($0.id)\"?")] } ?? [])
            return nil
        }
        return id
    }

    private mutating func readRules(_ node: Node) -> [String: LintConfiguration.RuleSetting] {
        guard let entries = node.entries else {
            if !node.isNull {
                report(.error, "config.invalid-value", "rules must be a mapping of rule ids to settings, not \(node.typeName)", at: node)
            }
            return [:]
        }
        var result: [String: LintConfiguration.RuleSetting] = [:]
        for entry in entries {
            guard let id = ruleID(entry.key, allowAll: false) else { continue }
            if let setting = readSetting(entry.value, rule: id) { result[id] = setting }
        }
        return result
    }

    /// A rule's level as written in shorthand or under `severity`.
    private enum Level {
        case off, on
        case severity(Severity)
    }

    /// A rule's setting: a level shorthand (`off`, `on`, a severity) or `{enabled: Bool, severity: …}`.
    /// A severity enables the rule unless `enabled: false` is also given.
    private mutating func readSetting(_ node: Node, rule: String) -> LintConfiguration.RuleSetting? {
        guard let entries = node.entries else {
            switch readLevel(node, rule: rule) {
            case .off?: return LintConfiguration.RuleSetting(enabled: false)
            case .on?: return LintConfiguration.RuleSetting(enabled: true)
            case .severity(let severity)?: return LintConfiguration.RuleSetting(enabled: true, severity: severity)
            case nil: return nil
            }
        }
        var setting = LintConfiguration.RuleSetting()
        var level: Level?
        for entry in entries {
            switch entry.name {
            case "enabled": setting.enabled = readBool(entry.value, field: "enabled")
            case "severity": level = readLevel(entry.value, rule: rule)
            default:
                report(.warning, "config.unknown-key",
                       "unknown rule setting \"\(entry.name)\" (known: enabled, severity)", at: entry.key)
            }
        }
        switch level {
        case .off?: setting.enabled = false
        case .on?: setting.enabled = setting.enabled ?? true
        case .severity(let severity)?:
            setting.severity = severity
            setting.enabled = setting.enabled ?? true
        case nil: break
        }
        return setting
    }

    /// `off`/`false`, `on`/`true`, or a severity name; anything else is reported.
    private mutating func readLevel(_ node: Node, rule: String) -> Level? {
        if let flag = node.bool { return flag ? .on : .off }
        if let text = node.string {
            if text == "disabled" { return .off }
            if text == "enabled" { return .on }
            if let severity = Severity(rawValue: text) { return .severity(severity) }
        }
        report(.error, "config.invalid-value",
               "the setting of rule \"\(rule)\" must be off, on, info, warning or error, not \(describe(node))", at: node)
        return nil
    }

    private mutating func readBool(_ node: Node, field: String) -> Bool? {
        if let value = node.bool { return value }
        report(.error, "config.invalid-value", "\(field) must be true or false, not \(describe(node))", at: node)
        return nil
    }

    private mutating func readStrings(_ node: Node, field: String) -> [String] {
        guard let items = node.items else {
            if node.isNull { return [] }
            report(.error, "config.invalid-value", "\(field) must be a list of strings, not \(node.typeName)", at: node)
            return []
        }
        var result: [String] = []
        for item in items {
            if let text = item.scalar?.text, !item.isNull {
                result.append(text)
            } else {
                report(.error, "config.invalid-value", "\(field) entries must be strings, not \(item.typeName)", at: item)
            }
        }
        return result
    }

    private mutating func readRuleList(_ node: Node) -> [String] {
        guard let items = node.items else {
            if node.isNull { return [] }
            report(.error, "config.invalid-value", "a list of rule ids is expected, not \(node.typeName)", at: node)
            return []
        }
        return items.compactMap { ruleID($0, allowAll: true) }
    }
}
