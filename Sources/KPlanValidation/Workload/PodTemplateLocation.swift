import KPlanCore

/// Where a resource keeps its pod spec, and the metadata of the template that holds it.
struct PodTemplateLocation {
    /// The kind of workload.
    var kind: WorkloadKind
    /// The pod spec node.
    var spec: Node
    /// Its field path (`spec.template.spec`).
    var specPath: String
    /// The pod template's metadata, nil for a Pod (whose metadata is the object's own).
    var templateMetadata: Node?
    /// The template metadata's field path (`spec.template.metadata`).
    var templateMetadataPath: String

    /// Finds the pod spec of a Pod, a PodTemplate, a workload controller or a CronJob; nil for other kinds
    /// or when the spec is absent.
    static func locate(in resource: Resource) -> PodTemplateLocation? {
        guard let kind = WorkloadKind(resource.gvk) else { return nil }
        let root = resource.node
        let template: Node?
        let specPath: String
        let metadataPath: String
        switch kind {
        case .pod:
            guard let spec = root["spec"] else { return nil }
            return PodTemplateLocation(kind: kind, spec: spec, specPath: "spec", templateMetadata: nil,
                                       templateMetadataPath: "metadata")
        case .podTemplate:
            template = root["template"]
            specPath = "template.spec"
            metadataPath = "template.metadata"
        case .deployment, .replicaSet, .statefulSet, .daemonSet, .job, .replicationController:
            template = root["spec"]?["template"]
            specPath = "spec.template.spec"
            metadataPath = "spec.template.metadata"
        case .cronJob:
            template = root["spec"]?["jobTemplate"]?["spec"]?["template"]
            specPath = "spec.jobTemplate.spec.template.spec"
            metadataPath = "spec.jobTemplate.spec.template.metadata"
        }
        guard let template, let spec = template["spec"] else { return nil }
        return PodTemplateLocation(
            kind: kind, spec: spec, specPath: specPath, templateMetadata: template["metadata"],
            templateMetadataPath: metadataPath)
    }
}
