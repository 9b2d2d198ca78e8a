import KPlanCore

/// `metadata.name`, `metadata.generateName` and `metadata.namespace`, checked with the name rule the API
/// server applies to the object's kind.
enum ObjectNameCheck {
    /// Which syntax a kind's names must follow.
    enum Rule: Equatable {
        /// `NameIsDNSSubdomain`: most kinds, and every custom resource.
        case dnsSubdomain
        /// `NameIsDNSLabel`: Namespace, StatefulSet.
        case dnsLabel
        /// `NameIsDNS1035Label`: Service.
        case dns1035Label
        /// `ValidatePathSegmentName`: the RBAC kinds.
        case pathSegment
    }

    /// The longest CronJob name: its Jobs add an 11-character suffix to a 63-character label.
    static let cronJobNameMaxLength = 52

    /// The name rule for a kind.
    static func rule(for gvk: GroupVersionKind) -> Rule {
        // The kind's length first: a switch over strings compares with each case in turn, a call each.
        let kind = gvk.kind
        let group = gvk.group
        switch kind.utf8.count {
        case 9 where kind == "Namespace" && group.isEmpty: return .dnsLabel
        case 11 where kind == "StatefulSet" && group == "apps": return .dnsLabel
        case 7 where kind == "Service" && group.isEmpty: return .dns1035Label
        case 4, 11, 18:
            guard group == "rbac.authorization.k8s.io",
                  kind == "Role" || kind == "ClusterRole" || kind == "RoleBinding" || kind == "ClusterRoleBinding"
            else { return .dnsSubdomain }
            return .pathSegment
        default: return .dnsSubdomain
        }
    }

    /// The messages for `name` under `rule`; `prefix` is true for a `generateName`.
    static func messages(_ name: String, rule: Rule, prefix: Bool) -> [String] {
        switch rule {
        case .dnsSubdomain: NameSyntax.dns1123Subdomain(prefix ? NameSyntax.maskTrailingDash(name) : name)
        case .dnsLabel: NameSyntax.dns1123Label(prefix ? NameSyntax.maskTrailingDash(name) : name)
        case .dns1035Label: NameSyntax.dns1035Label(prefix ? NameSyntax.maskTrailingDash(name) : name)
        case .pathSegment: NameSyntax.pathSegmentName(name, prefix: prefix)
        }
    }

    /// Checks the object's name, generateName and namespace value.
    static func check(_ resource: Resource, scope: ResourceScope?, into report: inout SemanticReport) {
        let metadataEntry = resource.node.entry("metadata")
        let metadata = metadataEntry?.value
        let rule = rule(for: resource.gvk)

        let nameEntry = metadata?.entry("name")
        let generateNameEntry = metadata?.entry("generateName")
        let hasName = nameEntry.map { !$0.value.isNull && $0.value.string != "" } ?? false
        let hasGenerateName = generateNameEntry.map { !$0.value.isNull && $0.value.string != "" } ?? false
        if !hasName && !hasGenerateName {
            report.add(
                .error, "semantic.missing-name",
                FieldError.required("metadata.name", "name or generateName is required"),
                at: nameEntry?.key ?? metadataEntry?.key ?? resource.node)
        }
        if let node = generateNameEntry?.value, let value = node.string, !value.isEmpty {
            let errors = messages(value, rule: rule, prefix: true)
            if !errors.isEmpty {
                report.add(
                    .error, "semantic.invalid-name",
                    FieldError.invalid("metadata.generateName", value, errors.joined(separator: "; ")), at: node)
            }
        }
        if let node = nameEntry?.value, let value = node.string, !value.isEmpty {
            var errors = messages(value, rule: rule, prefix: false)
            if resource.gvk.group == "batch", resource.gvk.kind == "CronJob",
                value.utf8.count > cronJobNameMaxLength
            {
                errors.append(NameSyntax.maxLengthError(cronJobNameMaxLength))
            }
            if !errors.isEmpty {
                report.add(
                    .error, "semantic.invalid-name",
                    FieldError.invalid("metadata.name", value, errors.joined(separator: "; ")), at: node)
            }
        }
        if scope != .cluster, let node = metadata?["namespace"], let value = node.string, !value.isEmpty {
            let errors = NameSyntax.dns1123Label(value)
            if !errors.isEmpty {
                report.add(
                    .error, "semantic.invalid-namespace",
                    FieldError.invalid("metadata.namespace", value, errors.joined(separator: "; ")), at: node)
            }
        }
    }
}
