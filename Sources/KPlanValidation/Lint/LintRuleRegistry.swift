import KPlanCore

/// Every built-in lint rule, sorted by id.
public enum LintRuleRegistry {
    /// All rules, sorted by id.
    public static let all: [any LintRule] = [
        AutomountServiceAccountTokenRule(),
        CapabilitiesNotDroppedRule(),
        ClusterAdminBindingRule(),
        ConfigMapNotFoundRule(),
        CronJobConcurrencyPolicyRule(),
        CronJobMissingDeadlineRule(),
        DangerousCapabilitiesRule(),
        DanglingServiceSelectorRule(),
        DefaultNamespaceRule(),
        DeprecatedAPIVersionRule(),
        EnvVarSecretRule(),
        HostIPCRule(),
        HostNetworkRule(),
        HostPathVolumeRule(),
        HostPIDRule(),
        HostPortRule(),
        HPATargetNotFoundRule(),
        IngressBackendNotFoundRule(),
        JobMissingTTLRule(),
        LatestTagRule(),
        LatestTagPullPolicyRule(),
        LoadBalancerSourceRangesRule(),
        MissingAntiAffinityRule(),
        MissingCPULimitRule(),
        MissingCPURequestRule(),
        MissingLivenessProbeRule(),
        MissingMemoryLimitRule(),
        MissingMemoryRequestRule(),
        MissingPDBRule(),
        MissingPriorityClassRule(),
        MissingReadinessProbeRule(),
        MissingRecommendedLabelsRule(),
        MutableTagRule(),
        NetworkPolicySelectsNothingRule(),
        NodePortServiceRule(),
        PDBBlocksEvictionRule(),
        PDBSelectorMatchesNothingRule(),
        PrivilegeEscalationRule(),
        PrivilegedContainerRule(),
        RBACSecretAccessRule(),
        RunAsRootRule(),
        SecretNotFoundRule(),
        SensitiveHostMountRule(),
        ServiceAccountNotFoundRule(),
        ServiceTargetPortNotFoundRule(),
        SingleReplicaRule(),
        SSHPortRule(),
        UnmaskedProcMountRule(),
        UnsafeSysctlsRule(),
        WildcardRBACRule(),
        WritableRootFilesystemRule(),
    ]

    /// The ids of all rules.
    public static let ids: Set<String> = Set(all.map(\.id))

    /// The rule with an id (`latest-tag`) or code (`lint.latest-tag`), if there is one.
    public static func rule(_ idOrCode: String) -> (any LintRule)? {
        let id = idOrCode.hasPrefix("lint.") ? String(idOrCode.dropFirst(5)) : idOrCode
        return all.first { $0.id == id }
    }

    /// A Markdown table of the rules (id, default severity, enabled by default, description), for the
    /// README.
    public static func markdownTable() -> String {
        var lines = [
            "| Rule | Severity | Default | Description |",
            "| --- | --- | --- | --- |",
        ]
        for rule in all {
            let description = rule.ruleDescription
            let summary = description.summary.split(separator: "|", omittingEmptySubsequences: false)
                .joined(separator: "\\|")
            lines.append("| `\(description.id)` | \(description.severity.rawValue) | "
                + "\(description.enabledByDefault ? "on" : "off") | \(summary) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
