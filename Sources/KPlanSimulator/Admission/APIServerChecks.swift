import KPlanCore

/// Checks the API server makes on write that the lint module leaves to it: counts that may not be
/// negative, container images, and the closed value sets of pod specs and Services. Findings are
/// worded as the server words them, with codes `api.invalid-value`, `api.required-value` and
/// `api.unsupported-value`.
enum APIServerChecks {
    /// One finding: where, its code, and the server's message (field included).
    struct Finding {
        var path: [ValidationTree.Step]
        var code: String
        var message: String
    }

    /// Every finding about `object` (kind `gvk`), in the order the server reports them.
    static func check(_ object: JSONValue, gvk: GroupVersionKind) -> [Finding] {
        var findings: [Finding] = []
        let spec: [ValidationTree.Step] = [.key("spec")]
        let template = spec + [.key("template"), .key("spec")]
        switch (gvk.group, gvk.kind) {
        case ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "StatefulSet"), ("", "ReplicationController"):
            nonNegative(object, spec, ["replicas", "minReadySeconds", "revisionHistoryLimit"], into: &findings)
            podSpec(object, template, workloadRestartPolicies: ["Always"], into: &findings)
        case ("apps", "DaemonSet"):
            nonNegative(object, spec, ["minReadySeconds", "revisionHistoryLimit"], into: &findings)
            podSpec(object, template, workloadRestartPolicies: ["Always"], into: &findings)
        case ("batch", "Job"):
            nonNegative(object, spec, ["parallelism", "completions", "backoffLimit"], into: &findings)
            podSpec(object, template, workloadRestartPolicies: ["OnFailure", "Never"], into: &findings)
        case ("batch", "CronJob"):
            nonNegative(object, spec, ["successfulJobsHistoryLimit", "failedJobsHistoryLimit"], into: &findings)
            let jobSpec = spec + [.key("jobTemplate"), .key("spec")]
            nonNegative(object, jobSpec, ["parallelism", "completions", "backoffLimit"], into: &findings)
            podSpec(object, jobSpec + [.key("template"), .key("spec")], workloadRestartPolicies: ["OnFailure", "Never"], into: &findings)
        case ("", "Pod"):
            podSpec(object, spec, workloadRestartPolicies: nil, into: &findings)
        case ("", "PodTemplate"):
            podSpec(object, [.key("template"), .key("spec")], workloadRestartPolicies: nil, into: &findings)
        case ("", "Service"):
            service(object, into: &findings)
        default:
            break
        }
        return findings
    }

    private static func nonNegative(_ object: JSONValue, _ base: [ValidationTree.Step], _ keys: [String], into findings: inout [Finding]) {
        for key in keys {
            let path = base + [.key(key)]
            guard let number = ValidationTree.value(at: path, in: object)?.int, number < 0 else { continue }
            findings.append(Finding(path: path, code: "api.invalid-value",
                                    message: "\(ValidationTree.render(path)): Invalid value: \(number): must be greater than or equal to 0"))
        }
    }

    private static func podSpec(_ object: JSONValue, _ base: [ValidationTree.Step], workloadRestartPolicies: [String]?,
                                into findings: inout [Finding]) {
        guard ValidationTree.value(at: base, in: object)?.object != nil else { return }
        let restartPolicy = base + [.key("restartPolicy")]
        if let allowed = workloadRestartPolicies, !allowed.contains("Always"),
           let value = ValidationTree.value(at: restartPolicy, in: object)?.string, !allowed.contains(value) {
            // Jobs word this one as a missing value.
            let valid = allowed.map { APIFieldError.goValue(.string($0)) }.joined(separator: ", ")
            findings.append(Finding(path: restartPolicy, code: "api.required-value",
                                    message: "\(ValidationTree.render(restartPolicy)): Required value: valid values: \(valid)"))
        } else {
            oneOf(object, restartPolicy, workloadRestartPolicies ?? ["Always", "OnFailure", "Never"], into: &findings)
        }
        oneOf(object, base + [.key("dnsPolicy")], ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"], into: &findings)
        nonNegative(object, base, ["terminationGracePeriodSeconds", "activeDeadlineSeconds"], into: &findings)
        for key in ["initContainers", "containers"] {
            let items = ValidationTree.value(at: base + [.key(key)], in: object)?.array ?? []
            for index in items.indices {
                let container = base + [.key(key), .index(index)]
                let image = container + [.key("image")]
                if (ValidationTree.value(at: image, in: object)?.string ?? "").isEmpty {
                    findings.append(Finding(path: image, code: "api.required-value",
                                            message: "\(ValidationTree.render(image)): Required value"))
                }
                let ports = ValidationTree.value(at: container + [.key("ports")], in: object)?.array ?? []
                for port in ports.indices {
                    oneOf(object, container + [.key("ports"), .index(port), .key("protocol")], ["SCTP", "TCP", "UDP"], into: &findings)
                }
                oneOf(object, container + [.key("imagePullPolicy")], ["Always", "IfNotPresent", "Never"], into: &findings)
            }
        }
    }

    private static func service(_ object: JSONValue, into findings: inout [Finding]) {
        let spec: [ValidationTree.Step] = [.key("spec")]
        let ports = ValidationTree.value(at: spec + [.key("ports")], in: object)?.array ?? []
        for index in ports.indices {
            let port = spec + [.key("ports"), .index(index)]
            oneOf(object, port + [.key("protocol")], ["SCTP", "TCP", "UDP"], into: &findings)
        }
        oneOf(object, spec + [.key("sessionAffinity")], ["ClientIP", "None"], into: &findings)
        oneOf(object, spec + [.key("type")], ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"], into: &findings)
    }

    /// A string field whose value must be one of `allowed` (when set).
    private static func oneOf(_ object: JSONValue, _ path: [ValidationTree.Step], _ allowed: [String], into findings: inout [Finding]) {
        guard let value = ValidationTree.value(at: path, in: object)?.string, !allowed.contains(value) else { return }
        let supported = allowed.map { APIFieldError.goValue(.string($0)) }.joined(separator: ", ")
        findings.append(Finding(path: path, code: "api.unsupported-value",
                                message: "\(ValidationTree.render(path)): Unsupported value: \(APIFieldError.goValue(.string(value))): supported values: \(supported)"))
    }
}
