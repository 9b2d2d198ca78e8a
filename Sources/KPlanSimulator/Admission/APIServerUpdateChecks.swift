import KPlanCore

/// What the API server refuses to change in a stored object (the `ValidateXUpdate` functions): label
/// selectors of workload controllers, most of a StatefulSet's, a Job's and a Pod's spec, a claim's
/// spec, a Service's cluster IPs, immutable ConfigMaps and Secrets, a Secret's type, a binding's role
/// and a StorageClass's provisioning fields. Codes are `api.immutable-field` and `api.forbidden-update`.
enum APIServerUpdateChecks {
    private typealias Step = ValidationTree.Step

    /// Every refused change from `old` to `new` (both of kind `gvk`, defaults applied).
    static func check(_ new: JSONValue, old: JSONValue, gvk: GroupVersionKind) -> [APIServerChecks.Finding] {
        var findings: [APIServerChecks.Finding] = []
        let spec: [Step] = [.key("spec")]
        switch (gvk.group, gvk.kind) {
        case ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "DaemonSet"):
            immutable(new, old, spec + [.key("selector")], into: &findings)
        case ("apps", "StatefulSet"):
            let mutable = ["replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit",
                           "persistentVolumeClaimRetentionPolicy", "minReadySeconds"]
            if without(mutable, in: new["spec"]) != without(mutable, in: old["spec"]) {
                findings.append(forbidden(spec, "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                    + "'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and "
                    + "'minReadySeconds' are forbidden"))
            }
        case ("batch", "Job"):
            immutable(new, old, spec + [.key("selector")], into: &findings)
            immutable(new, old, spec + [.key("template")], into: &findings)
            immutable(new, old, spec + [.key("completions")], into: &findings)
            immutable(new, old, spec + [.key("completionMode")], into: &findings)
        case ("", "Pod"):
            let mutable = ["activeDeadlineSeconds", "tolerations", "terminationGracePeriodSeconds"]
            if podSpecWithoutImages(without(mutable, in: new["spec"])) != podSpecWithoutImages(without(mutable, in: old["spec"])) {
                findings.append(forbidden(spec, "pod updates may not change fields other than `spec.containers[*].image`,"
                    + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to "
                    + "existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"))
            }
        case ("", "PersistentVolumeClaim"):
            let mutable = ["resources", "volumeAttributesClassName"]
            if without(mutable, in: new["spec"]) != without(mutable, in: old["spec"]) {
                findings.append(forbidden(spec, "spec is immutable after creation except resources.requests and "
                    + "volumeAttributesClassName for bound claims"))
            }
        case ("", "Service"):
            let path = spec + [.key("clusterIPs")]
            let before = ValidationTree.value(at: path, in: old)?.array ?? []
            let after = ValidationTree.value(at: path, in: new)?.array ?? []
            if let first = before.first, first.string?.isEmpty == false, let now = after.first, now != first {
                let shown = "[]string{" + after.map { APIFieldError.goValue($0) }.joined(separator: ", ") + "}"
                findings.append(APIServerChecks.Finding(path: path + [.index(0)], code: "api.immutable-field",
                                                        message: "spec.clusterIPs[0]: Invalid value: \(shown): may not change once set"))
            }
        case ("", "ConfigMap"), ("", "Secret"):
            if old["immutable"]?.bool == true {
                for key in ["immutable", "data", "binaryData"] where new[key] != old[key] {
                    findings.append(forbidden([.key(key)], "field is immutable when `immutable` is set"))
                }
            }
            if gvk.kind == "Secret" { immutable(new, old, [.key("type")], into: &findings) }
        case ("rbac.authorization.k8s.io", "RoleBinding"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"):
            if new["roleRef"] != old["roleRef"] {
                findings.append(APIServerChecks.Finding(
                    path: [.key("roleRef")], code: "api.immutable-field",
                    message: "roleRef: Invalid value: \(APIFieldError.goValue(new["roleRef"])): cannot change roleRef"))
            }
        case ("storage.k8s.io", "StorageClass"):
            for key in ["parameters", "provisioner", "reclaimPolicy"] where new[key] != old[key] {
                findings.append(forbidden([.key(key)], "updates to \(key) are forbidden."))
            }
            if new["volumeBindingMode"] != old["volumeBindingMode"] {
                findings.append(forbidden([.key("volumeBindingMode")], "field is immutable"))
            }
        default:
            break
        }
        return findings
    }

    /// A field that may not change: `field: Invalid value: <new>: field is immutable`.
    private static func immutable(_ new: JSONValue, _ old: JSONValue, _ path: [Step], into findings: inout [APIServerChecks.Finding]) {
        let after = ValidationTree.value(at: path, in: new)
        guard after != ValidationTree.value(at: path, in: old) else { return }
        findings.append(APIServerChecks.Finding(
            path: path, code: "api.immutable-field",
            message: "\(ValidationTree.render(path)): Invalid value: \(APIFieldError.goValue(after)): field is immutable"))
    }

    private static func forbidden(_ path: [Step], _ detail: String) -> APIServerChecks.Finding {
        APIServerChecks.Finding(path: path, code: "api.forbidden-update", message: "\(ValidationTree.render(path)): Forbidden: \(detail)")
    }

    /// `spec` without the members `keys`.
    private static func without(_ keys: [String], in spec: JSONValue?) -> JSONValue? {
        guard var spec else { return nil }
        for key in keys { spec[key] = nil }
        return spec
    }

    /// A pod spec with its containers' images blanked out (images may change).
    private static func podSpecWithoutImages(_ spec: JSONValue?) -> JSONValue? {
        guard var spec else { return nil }
        for key in ["containers", "initContainers"] {
            spec.editItems(key) { $0["image"] = nil }
        }
        return spec
    }
}
