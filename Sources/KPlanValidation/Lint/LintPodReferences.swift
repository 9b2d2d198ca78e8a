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

    /// Where in the pod spec a reference is; spelled out only when a finding needs it.
    enum Origin: Sendable, Hashable {
        /// An `env` entry (its name) of a container.
        case env(variable: String, container: LintContainer.Label)
        /// The `envFrom` of a container.
        case envFrom(container: LintContainer.Label)
        /// A volume (its name).
        case volume(String)
        /// The pod's `imagePullSecrets`.
        case imagePullSecrets

        /// `env DB_PASSWORD of container "web"`, `volume "certs"`, … for messages.
        var text: String {
            switch self {
            case .env(let variable, let container): "env \(variable) of \(container.text)"
            case .envFrom(let container): "envFrom of \(container.text)"
            case .volume(let name): "volume \"\(name)\""
            case .imagePullSecrets: "imagePullSecrets"
            }
        }
    }

    /// The kind referenced.
    let target: Target
    /// The referenced name and where it is written.
    let name: LintNamedReference
    /// Where the reference is.
    let origin: Origin

    /// Every non-optional Secret and ConfigMap reference of a pod spec: env and envFrom of all
    /// containers, `secret`, `configMap` and `projected` volumes, and `imagePullSecrets`.
    static func all(in pod: LintPodTemplate) -> [LintPodReference] {
        var references: [LintPodReference] = []
        func add(_ target: Target, _ holder: Node?, nameKey: String, origin: @autoclosure () -> Origin) {
            guard let holder, holder["optional"]?.bool != true, let node = holder[nameKey], let name = node.string
            else { return }
            references.append(LintPodReference(
                target: target, name: LintNamedReference(name: name, range: LintRange(node.range)), origin: origin()))
        }
        for container in pod.containers {
            for variable in container.node["env"]?.items ?? [] {
                guard let valueFrom = variable["valueFrom"] else { continue }
                let origin = Origin.env(variable: variable["name"]?.scalar?.text ?? "", container: container.labelParts)
                add(.secret, valueFrom["secretKeyRef"], nameKey: "name", origin: origin)
                add(.configMap, valueFrom["configMapKeyRef"], nameKey: "name", origin: origin)
            }
            for source in container.node["envFrom"]?.items ?? [] {
                add(.secret, source["secretRef"], nameKey: "name", origin: .envFrom(container: container.labelParts))
                add(.configMap, source["configMapRef"], nameKey: "name", origin: .envFrom(container: container.labelParts))
            }
        }
        for volume in pod.spec["volumes"]?.items ?? [] {
            let origin = { Origin.volume(volume["name"]?.scalar?.text ?? "") }
            add(.secret, volume["secret"], nameKey: "secretName", origin: origin())
            add(.configMap, volume["configMap"], nameKey: "name", origin: origin())
            for source in volume["projected"]?["sources"]?.items ?? [] {
                add(.secret, source["secret"], nameKey: "name", origin: origin())
                add(.configMap, source["configMap"], nameKey: "name", origin: origin())
            }
        }
        for item in pod.spec["imagePullSecrets"]?.items ?? [] {
            add(.secret, item, nameKey: "name", origin: .imagePullSecrets)
        }
        return references
    }
}
