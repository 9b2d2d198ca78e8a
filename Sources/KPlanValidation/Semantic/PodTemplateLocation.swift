import KPlanCore

/// Where a resource keeps its pod spec, and the metadata of the template that holds it.
struct PodTemplateLocation {
    /// The pod spec mapping.
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
        let templatePath: [String]
        switch (resource.gvk.group, resource.gvk.kind) {
        case ("", "Pod"):
            guard let spec = resource.node["spec"] else { return nil }
            return PodTemplateLocation(spec: spec, specPath: "spec", templateMetadata: nil, templateMetadataPath: "metadata")
        case ("", "PodTemplate"):
            templatePath = ["template"]
        case ("", "ReplicationController"), ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "StatefulSet"),
            ("apps", "DaemonSet"), ("batch", "Job"):
            templatePath = ["spec", "template"]
        case ("batch", "CronJob"):
            templatePath = ["spec", "jobTemplate", "spec", "template"]
        default:
            return nil
        }
        var template: Node? = resource.node
        for key in templatePath { template = template?[key] }
        guard let template, let spec = template["spec"] else { return nil }
        let path = templatePath.joined(separator: ".")
        return PodTemplateLocation(
            spec: spec, specPath: "\(path).spec", templateMetadata: template["metadata"],
            templateMetadataPath: "\(path).metadata")
    }
}
