import KPlanCore
import KPlanOutput
import KPlanValidation

/// Every diagnostic code `kplan lint` can report, with what it means: the fixed codes of the YAML,
/// input, schema, CRD, semantic and configuration stages, and one `lint.<id>` code per lint rule.
///
/// SARIF output lists these as its rules, and the README's reference is generated from them. A test
/// checks that every code the sources emit is listed here and that each has a golden case.
public enum LintCatalog {
    /// The fixed codes: code, default severity, one-line description.
    public static let fixedCodes: [(code: String, severity: Severity, summary: String)] = [
        ("yaml.syntax", .error, "The file is not well-formed YAML (or JSON): libyaml's error, at its position."),
        ("yaml.duplicate-key", .error, "A mapping has the same key twice; the note points at the first."),
        ("yaml.alias-expansion", .error, "Aliases expand to too many nodes (a \"billion laughs\" document); the document is refused."),
        ("yaml.too-deep", .error, "Nesting deeper than 256 levels; the document is refused."),
        ("yaml.unknown-anchor", .error, "An alias refers to an anchor not defined before it."),
        ("yaml.merge", .error, "A merge key (<<) whose value is not a mapping or a list of mappings."),
        ("yaml.sexagesimal", .warning, "A plain scalar like 12:30 that YAML 1.1 tools read as a base-60 number but Kubernetes reads as a string."),
        ("input.not-found", .error, "A path named on the command line does not exist."),
        ("input.unreadable", .error, "A file could not be read."),
        ("input.not-an-object", .error, "A document is not a mapping, so it cannot be a Kubernetes object."),
        ("input.missing-api-version", .error, "A document has no apiVersion (or an empty one)."),
        ("input.missing-kind", .error, "A document has no kind (or an empty one)."),
        ("input.list-items", .error, "The items of a List kind are not a list."),
        ("schema.unknown-field", .error, "A field the schema does not define (strict validation), with a did-you-mean suggestion."),
        ("schema.type", .error, "A value of the wrong type."),
        ("schema.yaml11-scalar", .error, "An unquoted scalar that YAML 1.1 reads as a boolean or number where the schema wants a string."),
        ("schema.required", .error, "A required field is missing."),
        ("schema.enum", .error, "A value outside the allowed set."),
        ("schema.pattern", .error, "A string that does not match the schema's pattern."),
        ("schema.format", .error, "A value that does not match its format (int32, int64, date-time, byte, …)."),
        ("schema.quantity", .error, "A resource quantity that Kubernetes cannot parse (500mb, 1.5 cores)."),
        ("schema.bounds", .error, "A number, string length, list length or property count outside its bounds."),
        ("schema.duplicate-list-key", .error, "Two items of a map-type list have the same key, or a set-type list repeats a value."),
        ("schema.one-of", .error, "A value matches none, or more than one, of the oneOf alternatives."),
        ("schema.any-of", .error, "A value matches none of the anyOf alternatives."),
        ("schema.not", .error, "A value matches a schema it must not match."),
        ("schema.cel", .error, "A CRD's x-kubernetes-validations rule (CEL) fails for the value, with the rule's message."),
        ("schema.unknown-version", .error, "The kind exists but not at this apiVersion in the target Kubernetes version."),
        ("schema.missing", .error, "No schema for a kind: no built-in kind and no CRD in the input or --crd (a warning with --ignore-missing-schemas)."),
        ("crd.invalid", .error, "A CustomResourceDefinition that cannot define a kind (missing group, kind, bad scope, …)."),
        ("crd.schema", .error, "A CRD's openAPIV3Schema that cannot be compiled (for example a bad regular expression)."),
        ("semantic.missing-name", .error, "An object without metadata.name or metadata.generateName."),
        ("semantic.invalid-name", .error, "A name that breaks the naming rule of its kind (DNS-1123 subdomain or label, DNS-1035 label, path segment)."),
        ("semantic.invalid-namespace", .error, "metadata.namespace is not a DNS-1123 label."),
        ("semantic.invalid-data-key", .error, "A ConfigMap or Secret key that is not a valid file name."),
        ("semantic.duplicate-data-key", .error, "The same key in a ConfigMap's data and binaryData."),
        ("semantic.invalid-label-key", .error, "A label key that is not a qualified name."),
        ("semantic.invalid-label-value", .error, "A label value that is too long or has invalid characters."),
        ("semantic.invalid-annotation-key", .error, "An annotation key that is not a qualified name."),
        ("semantic.annotations-too-large", .error, "All annotations together exceed 256 KiB."),
        ("semantic.missing-selector", .error, "A workload without a selector where one is required."),
        ("semantic.empty-selector", .error, "An empty selector, which would select every pod."),
        ("semantic.invalid-selector", .error, "A malformed label selector."),
        ("semantic.selector-mismatch", .error, "A workload's selector does not match its pod template labels."),
        ("semantic.job-selector-not-generated", .error, "A Job sets a selector without manualSelector: true."),
        ("semantic.invalid-container-name", .error, "A container name that is not a DNS-1123 label."),
        ("semantic.duplicate-container-name", .error, "Two containers (including init and ephemeral containers) share a name."),
        ("semantic.invalid-volume-name", .error, "A volume name that is not a DNS-1123 label."),
        ("semantic.unknown-volume", .error, "A volumeMount names a volume the pod does not define."),
        ("semantic.invalid-port-name", .error, "A port name that is not an IANA service name (at most 15 characters)."),
        ("semantic.duplicate-port-name", .error, "Two ports of one container share a name."),
        ("semantic.invalid-port-number", .error, "A port number outside 1–65535."),
        ("semantic.missing-service-ports", .error, "A Service that needs ports has none."),
        ("semantic.missing-port-name", .error, "A Service with several ports has an unnamed one."),
        ("semantic.duplicate-service-port", .error, "Two Service ports share a name or a port and protocol."),
        ("semantic.node-port-not-allowed", .error, "A nodePort on a Service type that has no node ports."),
        ("semantic.headless-service-type", .error, "clusterIP: None on a Service type that cannot be headless."),
        ("semantic.cluster-ip-not-allowed", .error, "A clusterIP on an ExternalName Service."),
        ("semantic.invalid-external-name", .error, "An ExternalName that is not a DNS name."),
        ("semantic.invalid-ingress-host", .error, "An Ingress rule host that is not a (wildcard) DNS name."),
        ("semantic.invalid-ingress-path", .error, "An Ingress path that is invalid for its pathType."),
        ("semantic.invalid-backend", .error, "An Ingress backend that sets both or neither of service and resource."),
        ("semantic.namespace-on-cluster-scoped", .warning, "metadata.namespace on a cluster-scoped kind; the API server drops it."),
        ("semantic.invalid-role-ref", .error, "A ClusterRoleBinding that refers to a Role, or another invalid roleRef."),
        ("semantic.invalid-subject", .error, "A binding subject the API server rejects (for example a ServiceAccount without a namespace)."),
        ("semantic.duplicate-resource", .error, "The same object (group, kind, namespace, name) twice in the input; the note points at the first."),
        ("config.unknown-rule", .warning, "The configuration names a rule that does not exist."),
        ("config.unknown-key", .warning, "The configuration has a key kplan does not know."),
        ("config.invalid-value", .error, "The configuration has a value kplan cannot use."),
    ]

    /// Descriptors for every code, fixed and lint rules alike, sorted by code.
    public static let ruleDescriptors: [RuleDescriptor] = {
        let fixed = fixedCodes.map { RuleDescriptor(id: $0.code, shortDescription: $0.summary, defaultSeverity: $0.severity) }
        let rules = LintRuleRegistry.all.map(\.ruleDescription).map {
            RuleDescriptor(id: $0.code, shortDescription: $0.summary, defaultSeverity: $0.severity, help: $0.remediation)
        }
        return (fixed + rules).sorted { $0.id < $1.id }
    }()

    /// A markdown table of the lint rules: id, default severity, whether on by default, description.
    public static func markdownTableOfRules() -> String {
        LintRuleRegistry.markdownTable()
    }

    /// A markdown table of the fixed diagnostic codes: code, default severity, meaning.
    public static func markdownTableOfCodes() -> String {
        var lines = ["| Code | Severity | Meaning |", "| --- | --- | --- |"]
        for entry in fixedCodes.sorted(by: { $0.code < $1.code }) {
            lines.append("| `\(entry.code)` | \(entry.severity.rawValue) | \(entry.summary.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
