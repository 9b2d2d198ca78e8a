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
        let templatePath = kind.templatePath
        guard !templatePath.isEmpty else {
            guard let spec = resource.node["spec"] else { return nil }
            return PodTemplateLocation(kind: kind, spec: spec, specPath: "spec", templateMetadata: nil,
                                       templateMetadataPath: "metadata")
        }
        var template: Node? = resource.node
        for key in templatePath { template = template?[key] }
        guard let template, let spec = template["spec"] else { return nil }
        let path = templatePath.joined(separator: ".")
        return PodTemplateLocation(
            kind: kind, spec: spec, specPath: "\(path).spec", templateMetadata: template["metadata"],
            templateMetadataPath: "\(path).metadata")
    }
}
