import KPlanCore

extension LintObjectFacts {
    /// The facts of `resource`, or nil when its kind is not among `roles`.
    /// - Parameters:
    ///   - pod: the resource's pod template, computed once by the caller.
    ///   - suppressed: the rules the resource's `kplan.dev/ignore` annotation lists.
    ///   - roles: the kinds of object the enabled cross-object rules read.
    init?(
        _ resource: borrowing Resource, pod: LintPodTemplate?, suppressed: Set<String>, in context: borrowing LintObjectContext,
        roles: Set<LintFactRole>
    ) {
        guard let role = LintFactRole(resource.gvk), roles.contains(role) else { return nil }
        self.role = role
        group = StringInterner.shared.intern(resource.gvk.group)
        kind = StringInterner.shared.intern(resource.gvk.kind)
        namespace = context.namespace(of: resource)
        name = resource.name
        file = resource.file
        declaredNamespace = resource.namespace
        nameAnchor = LintRange(lintNameAnchor(resource).range)
        self.suppressed = suppressed
        switch role {
        case .secret, .configMap, .serviceAccount: detail = .identity
        case .service: detail = Self.service(resource)
        case .workload: detail = pod.map { .workload(Self.workload($0)) } ?? .identity
        case .budget: detail = .budget(Self.budget(resource))
        case .networkPolicy: detail = Self.networkPolicy(resource)
        case .autoscaler: detail = Self.autoscaler(resource)
        case .ingress: detail = .ingress(backends: Self.backends(resource))
        }
    }

    private static func workload(_ pod: LintPodTemplate) -> LintWorkloadFacts {
        var portNames: [String] = []
        for container in pod.containers {
            for port in container.node["ports"]?.items ?? [] {
                if let name = port["name"]?.string { portNames.append(name) }
            }
        }
        var serviceAccount: LintNamedReference?
        if let node = pod.spec["serviceAccountName"] ?? pod.spec["serviceAccount"],
           let name = node.string, !name.isEmpty, name != "default" {
            serviceAccount = LintNamedReference(name: name, range: LintRange(node.range))
        }
        let resource = pod.resource
        return LintWorkloadFacts(
            kind: pod.kind, labels: pod.labels, replicas: lintReplicas(pod),
            replicasAnchor: LintRange((resource.node["spec"]?["replicas"] ?? lintNameAnchor(resource)).range),
            portNames: portNames, serviceAccount: serviceAccount, references: LintPodReference.all(in: pod))
    }

    private static func service(_ resource: Resource) -> LintFactDetail {
        guard let selectorNode = resource.node["spec"]?["selector"], selectorNode.entries != nil else {
            return .identity
        }
        var namedTargetPorts: [LintNamedReference] = []
        for port in resource.node["spec"]?["ports"]?.items ?? [] {
            if let target = port["targetPort"], let name = target.string {
                namedTargetPorts.append(LintNamedReference(name: name, range: LintRange(target.range)))
            }
        }
        return .service(LintServiceFacts(
            selector: LintLabelSelector(equalityMap: selectorNode), selectorRange: LintRange(selectorNode.range),
            namedTargetPorts: namedTargetPorts))
    }

    private static func budget(_ resource: Resource) -> LintBudgetFacts {
        let spec = resource.node["spec"]
        let selectorNode = spec?["selector"]
        var anchor: LintRange?
        if let selectorNode, let entries = selectorNode.entries {
            anchor = LintRange((entries.first?.key ?? selectorNode).range)
        }
        var minAvailable: (value: Int64, range: LintRange)?
        if let min = spec?["minAvailable"], let value = min.int { minAvailable = (value, LintRange(min.range)) }
        return LintBudgetFacts(
            selector: LintLabelSelector(labelSelector: selectorNode), selectorAnchor: anchor, minAvailable: minAvailable)
    }

    private static func networkPolicy(_ resource: Resource) -> LintFactDetail {
        guard let node = resource.node["spec"]?["podSelector"],
              let selector = LintLabelSelector(labelSelector: node), !selector.isEmpty
        else { return .identity }
        return .networkPolicy(selector: selector, range: LintRange(node.range))
    }

    private static func autoscaler(_ resource: Resource) -> LintFactDetail {
        guard let target = resource.node["spec"]?["scaleTargetRef"],
              let kind = target["kind"]?.string, let nameNode = target["name"], let name = nameNode.string
        else { return .identity }
        let group: String
        if let apiVersion = target["apiVersion"]?.string {
            group = GroupVersionKind(apiVersion: apiVersion, kind: kind).group
        } else {
            group = kind == "ReplicationController" ? "" : "apps"
        }
        let checked = WorkloadKind(GroupVersionKind(group: group, version: "", kind: kind))?.hasReplicas == true
        return .autoscaler(LintAutoscalerFacts(
            kind: kind, name: name, checkedGroup: checked ? group : nil, nameRange: LintRange(nameNode.range)))
    }

    private static func backends(_ resource: Resource) -> [LintNamedReference] {
        guard let spec = resource.node["spec"] else { return [] }
        var backends: [Node] = []
        if let backend = spec["defaultBackend"] ?? spec["backend"] { backends.append(backend) }
        for rule in spec["rules"]?.items ?? [] {
            for path in rule["http"]?["paths"]?.items ?? [] {
                if let backend = path["backend"] { backends.append(backend) }
            }
        }
        return backends.compactMap { backend in
            guard let node = backend["service"]?["name"] ?? backend["serviceName"], let name = node.string
            else { return nil }
            return LintNamedReference(name: name, range: LintRange(node.range))
        }
    }
}
