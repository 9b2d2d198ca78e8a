import KPlanCore

/// What a Pod gets beyond any pod spec: core/v1 `SetDefaults_Pod` (requests from limits, service
/// links, host ports) and the mutating admission plugins enabled by default that act on Pods
/// (LimitRanger, ServiceAccount, Priority, DefaultTolerationSeconds).
enum PodDefaults {
    /// Applies `SetDefaults_Pod` and the pod spec defaults to `pod`.
    static func applyDefaults(to pod: inout JSONValue) {
        pod.edit("spec", create: true) { spec in
            for key in ["initContainers", "containers"] {
                spec.editItems(key) { $0.edit("resources", applyRequestsFromLimits) }
            }
            spec.setDefault("enableServiceLinks", true)
            PodSpecDefaults.apply(to: &spec, isPod: true)
        }
    }

    /// Applies the admission plugins that act on a Pod being created; refuses a Pod naming a
    /// PriorityClass that does not exist, as the Priority plugin does.
    static func admit(_ pod: inout JSONValue, context: AdmissionContext) throws(APIError) {
        var failure: APIError?
        let podName = pod[path: "metadata", "name"]?.string ?? ""
        let namespace = pod[path: "metadata", "namespace"]?.string ?? ""
        let limitRanges = context.limitRanges.filter { $0.namespace == namespace }.sorted { $0.name < $1.name }
        for limitRange in limitRanges { applyLimitRange(limitRange, to: &pod) }
        pod.edit("spec", create: true) { spec in
            if spec.isUnset("serviceAccountName") {
                spec["serviceAccountName"] = "default"
                spec["serviceAccount"] = "default"
            }
            do throws(APIError) {
                try applyPriority(to: &spec, context: context, podName: podName)
            } catch {
                failure = error
            }
            applyDefaultTolerations(to: &spec)
        }
        if let failure { throw failure }
    }

    /// The LimitRanger plugin: the Container defaults of a LimitRange fill in the limits and requests
    /// a Pod's containers leave out, noted in the `kubernetes.io/limit-ranger` annotation.
    private static func applyLimitRange(_ limitRange: KubeObject, to pod: inout JSONValue) {
        var limits: [String: JSONValue] = [:]
        var requests: [String: JSONValue] = [:]
        for item in limitRange[path: "spec", "limits"]?.array ?? [] where item["type"]?.string == "Container" {
            limits.merge(item["default"]?.object ?? [:]) { _, new in new }
            requests.merge(item["defaultRequest"]?.object ?? [:]) { _, new in new }
        }
        guard !limits.isEmpty || !requests.isEmpty else { return }
        var notes: [String] = []
        pod.edit("spec") { spec in
            for (key, label) in [("containers", "container"), ("initContainers", "init container")] {
                spec.editItems(key) { container in
                    let name = container["name"]?.string ?? ""
                    container.edit("resources", create: true) { resources in
                        let setRequests = fill(&resources, "requests", from: requests)
                        let setLimits = fill(&resources, "limits", from: limits)
                        if !setRequests.isEmpty { notes.append(setRequests.joined(separator: ", ") + " request for \(label) \(name)") }
                        if !setLimits.isEmpty { notes.append(setLimits.joined(separator: ", ") + " limit for \(label) \(name)") }
                    }
                }
            }
        }
        guard !notes.isEmpty else { return }
        pod.set(.string("LimitRanger plugin set: " + notes.joined(separator: "; ")),
                at: ["metadata", "annotations", "kubernetes.io/limit-ranger"])
    }

    /// Adds the `defaults` missing from `resources[key]`; the names added, sorted.
    private static func fill(_ resources: inout JSONValue, _ key: String, from defaults: [String: JSONValue]) -> [String] {
        var current = resources[key]?.object ?? [:]
        let missing = defaults.keys.filter { current[$0] == nil }.sorted()
        guard !missing.isEmpty else { return [] }
        for name in missing { current[name] = defaults[name] }
        resources[key] = .object(current)
        return missing
    }

    /// A container's requests default to its limits, resource by resource.
    private static func applyRequestsFromLimits(_ resources: inout JSONValue) {
        guard let limits = resources["limits"]?.object, !limits.isEmpty else { return }
        var requests = resources["requests"]?.object ?? [:]
        for (name, quantity) in limits where requests[name] == nil {
            requests[name] = quantity
        }
        resources["requests"] = .object(requests)
    }

    private static func applyPriority(to spec: inout JSONValue, context: AdmissionContext, podName: String) throws(APIError) {
        let requested = spec["priorityClassName"]?.string ?? ""
        let className = requested.isEmpty ? context.globalDefaultPriorityClass : requested
        guard let className else {
            spec.setDefault("priority", 0)
            spec.setDefault("preemptionPolicy", "PreemptLowerPriority")
            return
        }
        guard let priority = context.priority(named: className) else {
            throw APIError(.forbidden, "pods \"\(podName)\" is forbidden: no PriorityClass with name \(className) was found")
        }
        spec["priorityClassName"] = .string(className)
        spec.setDefault("priority", .int(priority.value))
        spec.setDefault("preemptionPolicy", .string(priority.preemptionPolicy))
    }

    /// The DefaultTolerationSeconds plugin: Pods tolerate the `not-ready` and `unreachable` NoExecute
    /// taints for 300 seconds unless they already tolerate them.
    private static func applyDefaultTolerations(to spec: inout JSONValue) {
        var tolerations = spec["tolerations"]?.array ?? []
        for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]
        where !tolerations.contains(where: { tolerates($0, key: key) }) {
            tolerations.append([
                "key": .string(key), "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300,
            ])
        }
        spec["tolerations"] = .array(tolerations)
    }

    /// Whether a toleration tolerates the NoExecute taint `key` (with any value).
    private static func tolerates(_ toleration: JSONValue, key: String) -> Bool {
        let effect = toleration["effect"]?.string ?? ""
        guard effect.isEmpty || effect == "NoExecute" else { return false }
        let tolerationKey = toleration["key"]?.string ?? ""
        let exists = toleration["operator"]?.string == "Exists"
        return (tolerationKey.isEmpty && exists) || (tolerationKey == key && exists)
    }

    /// The status a Pod is created with: `Pending`, and its quality-of-service class.
    static func initialStatus(of pod: JSONValue) -> JSONValue {
        ["phase": "Pending", "qosClass": .string(qosClass(of: pod))]
    }

    /// `Guaranteed` when every container limits CPU and memory and requests exactly its limits,
    /// `BestEffort` when none requests or limits either, else `Burstable`. Quantities are compared as
    /// written.
    static func qosClass(of pod: JSONValue) -> String {
        let containers = ["initContainers", "containers"].flatMap { pod[path: "spec", $0]?.array ?? [] }
        var anySet = false
        var guaranteed = !containers.isEmpty
        for container in containers {
            let requests = container[path: "resources", "requests"]?.object ?? [:]
            let limits = container[path: "resources", "limits"]?.object ?? [:]
            for resource in ["cpu", "memory"] {
                if requests[resource] != nil || limits[resource] != nil { anySet = true }
                if limits[resource] == nil || requests[resource] != limits[resource] { guaranteed = false }
            }
        }
        if !anySet { return "BestEffort" }
        return guaranteed ? "Guaranteed" : "Burstable"
    }
}
