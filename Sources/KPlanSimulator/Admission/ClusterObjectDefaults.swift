import KPlanCore

/// Defaults of the kinds that are neither workloads, Services nor storage: Secrets, Namespaces,
/// Endpoints, LimitRanges, RBAC bindings, NetworkPolicies, PriorityClasses, HorizontalPodAutoscalers.
enum ClusterObjectDefaults {
    /// Secret: type Opaque; `stringData` folded into `data` (base64, overriding keys) and removed.
    static func applySecret(_ secret: inout JSONValue) {
        secret.setDefaultString("type", "Opaque")
        guard let stringData = secret["stringData"]?.object else {
            if secret["stringData"] != nil { secret["stringData"] = nil }
            return
        }
        var data = secret["data"]?.object ?? [:]
        for (key, value) in stringData {
            data[key] = .string(Base64.encode(Array((value.string ?? "").utf8)))
        }
        secret["data"] = data.isEmpty ? nil : .object(data)
        secret["stringData"] = nil
    }

    /// Namespace: the `kubernetes` finalizer and the `kubernetes.io/metadata.name` label (always the
    /// Namespace's name).
    static func applyNamespace(_ namespace: inout JSONValue) {
        let name = namespace[path: "metadata", "name"]?.string ?? ""
        namespace.edit("spec", create: true) { spec in
            if spec.isUnset("finalizers") { spec["finalizers"] = ["kubernetes"] }
        }
        namespace.edit("metadata", create: true) { metadata in
            metadata.edit("labels", create: true) { $0["kubernetes.io/metadata.name"] = .string(name) }
        }
    }

    /// Endpoints: TCP ports.
    static func applyEndpoints(_ endpoints: inout JSONValue) {
        endpoints.editItems("subsets") { subset in
            subset.editItems("ports") { $0.setDefaultString("protocol", "TCP") }
        }
    }

    /// LimitRange: for Container limits, the default limit from the max, the default request from the
    /// default limit, else from the min.
    static func applyLimitRange(_ limitRange: inout JSONValue) {
        limitRange.edit("spec") { spec in
            spec.editItems("limits") { item in
                guard item["type"]?.string == "Container" else { return }
                var defaults = item["default"]?.object ?? [:]
                var requests = item["defaultRequest"]?.object ?? [:]
                for (name, value) in item["max"]?.object ?? [:] where defaults[name] == nil { defaults[name] = value }
                for (name, value) in defaults where requests[name] == nil { requests[name] = value }
                for (name, value) in item["min"]?.object ?? [:] where requests[name] == nil { requests[name] = value }
                item["default"] = defaults.isEmpty ? nil : .object(defaults)
                item["defaultRequest"] = requests.isEmpty ? nil : .object(requests)
            }
        }
    }

    /// RoleBinding and ClusterRoleBinding: the RBAC group on the role reference and on User and Group
    /// subjects (ServiceAccount subjects get the core group, `""`, which JSON omits).
    static func applyBinding(_ binding: inout JSONValue) {
        binding.edit("roleRef") { $0.setDefaultString("apiGroup", "rbac.authorization.k8s.io") }
        binding.editItems("subjects") { subject in
            let kind = subject["kind"]?.string
            if subject.isUnset("apiGroup"), kind == "User" || kind == "Group" {
                subject["apiGroup"] = "rbac.authorization.k8s.io"
            }
        }
    }

    /// NetworkPolicy: TCP ports; `policyTypes` Ingress, plus Egress when egress rules are given.
    static func applyNetworkPolicy(_ policy: inout JSONValue) {
        policy.edit("spec", create: true) { spec in
            for direction in ["ingress", "egress"] {
                spec.editItems(direction) { rule in
                    rule.editItems("ports") { $0.setDefaultString("protocol", "TCP") }
                }
            }
            if spec.isUnset("policyTypes") {
                spec["policyTypes"] = spec.isUnset("egress") ? ["Ingress"] : ["Ingress", "Egress"]
            }
        }
    }

    /// The DefaultIngressClass plugin: an Ingress naming no class (neither `ingressClassName` nor the
    /// `kubernetes.io/ingress.class` annotation) gets the default IngressClass.
    static func applyDefaultIngressClass(_ ingress: inout JSONValue, defaultClass: String?) {
        guard let defaultClass, ingress[path: "metadata", "annotations", "kubernetes.io/ingress.class"] == nil else { return }
        ingress.edit("spec", create: true) { spec in
            if spec.isUnset("ingressClassName") { spec["ingressClassName"] = .string(defaultClass) }
        }
    }

    /// PriorityClass: preempts lower priorities.
    static func applyPriorityClass(_ priorityClass: inout JSONValue) {
        priorityClass.setDefaultString("preemptionPolicy", "PreemptLowerPriority")
    }

    /// HorizontalPodAutoscaler (autoscaling/v2): one replica at least, 80% average CPU when no metric
    /// is given, and when `behavior` is given its unset rules filled as Kubernetes does.
    static func applyHorizontalPodAutoscaler(_ autoscaler: inout JSONValue) {
        autoscaler.edit("spec", create: true) { spec in
            spec.setDefault("minReplicas", 1)
            if spec.isUnset("metrics") {
                spec["metrics"] = [[
                    "type": "Resource",
                    "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": 80]],
                ]]
            }
            spec.edit("behavior") { behavior in
                behavior.edit("scaleUp", create: true) { rules in
                    rules.setDefault("stabilizationWindowSeconds", 0)
                    rules.setDefaultString("selectPolicy", "Max")
                    rules.setDefault("policies", [
                        ["type": "Pods", "value": 4, "periodSeconds": 15],
                        ["type": "Percent", "value": 100, "periodSeconds": 15],
                    ])
                }
                behavior.edit("scaleDown", create: true) { rules in
                    rules.setDefaultString("selectPolicy", "Max")
                    rules.setDefault("policies", [["type": "Percent", "value": 100, "periodSeconds": 15]])
                }
            }
        }
    }
}
