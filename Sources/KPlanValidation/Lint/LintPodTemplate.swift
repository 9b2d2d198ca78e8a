import KPlanCore

/// The pod spec inside a workload object, with the labels its pods get.
///
/// Finds the pod spec of a Pod (`spec`), a PodTemplate (`template.spec`), a Deployment, ReplicaSet,
/// StatefulSet, DaemonSet, Job or ReplicationController (`spec.template.spec`) and a CronJob
/// (`spec.jobTemplate.spec.template.spec`), in the core, `apps`, `extensions` and `batch` groups.
///
/// A class: most per-object rules start by reading the subject's pod template, and taking a
/// reference costs one retain where copying the struct retained each of its fields.
final class LintPodTemplate: Sendable {
    /// The workload object.
    let resource: Resource
    /// Its kind.
    let kind: WorkloadKind
    /// The pod spec mapping.
    let spec: Node
    /// The labels the workload's pods carry (the template's, or the Pod's own).
    let labels: LintLabels
    /// Every container of the pod: `initContainers`, then `containers`, then `ephemeralContainers`.
    let containers: [LintContainer]

    /// The pod template of `resource`, or nil when it is not a workload or has no pod spec mapping.
    /// Borrows the resource, copying it only for a workload: most objects are not.
    init?(_ resource: borrowing Resource) {
        guard let location = PodTemplateLocation.locate(in: resource), location.spec.entries != nil else { return nil }
        let specNode = location.spec
        let metadata = location.templateMetadata ?? resource.node["metadata"]
        let kind = location.kind
        self.resource = copy resource
        self.kind = kind
        self.spec = specNode
        self.labels = LintLabels(metadata?["labels"])
        var containers: [LintContainer] = []
        for role in [LintContainer.Role.initContainer, .container, .ephemeralContainer] {
            for item in specNode[role.field]?.items ?? [] where item.entries != nil {
                containers.append(LintContainer(node: item, role: role))
            }
        }
        self.containers = containers
    }

    /// Whether the pods are meant to keep running (not run-to-completion Jobs, CronJobs or bare Pods
    /// with `restartPolicy: Never`/`OnFailure`).
    var isLongRunning: Bool {
        switch kind {
        case .job, .cronJob: return false
        case .pod, .podTemplate:
            let policy = spec["restartPolicy"]?.string ?? "Always"
            return policy == "Always"
        case .deployment, .replicaSet, .statefulSet, .daemonSet, .replicationController: return true
        }
    }

    /// The pod-level `securityContext` mapping, if any.
    var podSecurityContext: Node? { spec["securityContext"] }
}

/// One container of a pod spec, with the list it came from.
///
/// A class for the same reason as ``LintPodTemplate``: each rule walks the containers, and a loop
/// over references retains one per container where copies retained the node and the image parts.
final class LintContainer: Sendable {
    /// Which list of the pod spec the container is in.
    enum Role: Sendable, Hashable {
        case initContainer, container, ephemeralContainer

        /// The pod spec field holding the list.
        var field: String {
            switch self {
            case .initContainer: "initContainers"
            case .container: "containers"
            case .ephemeralContainer: "ephemeralContainers"
            }
        }

        /// How messages call a container in this list.
        var noun: String {
            switch self {
            case .initContainer: "init container"
            case .container: "container"
            case .ephemeralContainer: "ephemeral container"
            }
        }
    }

    /// The container mapping.
    let node: Node
    /// The list it is in.
    let role: Role
    /// The `image` value, if any.
    let image: Node?
    /// The image split into its parts when `image` is a string, once for the three image-tag rules.
    let imageReference: LintImageReference?

    /// The container `node` of the list `role`.
    init(node: Node, role: Role) {
        self.node = node
        self.role = role
        image = node["image"]
        imageReference = image?.string.map(LintImageReference.init)
    }

    /// The container's name, `""` when missing.
    var name: String { node["name"]?.scalar?.text ?? "" }

    /// `container "web"` (or `init container "setup"`) for messages.
    var label: String { labelParts.text }

    /// The list and name that make up ``label``, kept apart until a message needs them.
    var labelParts: Label { Label(role: role, name: name) }

    /// A container's list and name.
    struct Label: Sendable, Hashable {
        /// The list the container is in.
        let role: Role
        /// The container's name.
        let name: String

        /// `container "web"` (or `init container "setup"`).
        var text: String { "\(role.noun) \"\(name)\"" }
    }

    /// The node a "this container lacks something" finding points at: the `name` key, else the mapping.
    var anchor: Node { node.entry("name")?.key ?? node }

    /// The container's `securityContext` mapping, if any.
    var securityContext: Node? { node["securityContext"] }
}
