import KPlanCore

/// A reference from a pod spec to a Secret or ConfigMap by name.
struct LintPodReference: Sendable {
    /// What kind of object is referenced.
    enum Target: Sendable, Hashable {
        case secret, configMap

        /// The referenced kind.
        var kind: String {
            switch self {
            case .secret: "Secret"
            case .configMap: "ConfigMap"
            }
        }
    }

    /// The kind referenced.
    let target: Target
    /// The node holding the referenced name.
    let name: Node
    /// Where the reference is, for messages (`env DB_PASSWORD of container "web"`).
    let origin: String

    /// Every non-optional Secret and ConfigMap reference of a pod spec: env and envFrom of all
    /// containers, `secret`, `configMap` and `projected` volumes, and `imagePullSecrets`.
    static func all(in pod: LintPodTemplate) -> [LintPodReference] {
        var references: [LintPodReference] = []
        func add(_ target: Target, _ holder: Node?, nameKey: String, origin: String) {
            guard let holder, holder["optional"]?.bool != true, let name = holder[nameKey], name.string != nil else { return }
            references.append(LintPodReference(target: target, name: name, origin: origin))
        }
        for container in pod.containers {
            for variable in container.node["env"]?.items ?? [] {
                let origin = "env \(variable["name"]?.scalar?.text ?? "") of \(container.label)"
                add(.secret, variable[path: "valueFrom", "secretKeyRef"], nameKey: "name", origin: origin)
                add(.configMap, variable[path: "valueFrom", "configMapKeyRef"], nameKey: "name", origin: origin)
            }
            for source in container.node["envFrom"]?.items ?? [] {
                add(.secret, source["secretRef"], nameKey: "name", origin: "envFrom of \(container.label)")
                add(.configMap, source["configMapRef"], nameKey: "name", origin: "envFrom of \(container.label)")
            }
        }
        for volume in pod.spec["volumes"]?.items ?? [] {
            let origin = "volume \"\(volume["name"]?.scalar?.text ?? "")\""
            add(.secret, volume["secret"], nameKey: "secretName", origin: origin)
            add(.configMap, volume["configMap"], nameKey: "name", origin: origin)
            for source in volume[path: "projected", "sources"]?.items ?? [] {
                add(.secret, source["secret"], nameKey: "name", origin: origin)
                add(.configMap, source["configMap"], nameKey: "name", origin: origin)
            }
        }
        for item in pod.spec["imagePullSecrets"]?.items ?? [] {
            add(.secret, item, nameKey: "name", origin: "imagePullSecrets")
        }
        return references
    }
}
