import KPlanCore

extension KubeObject {
    /// The group and kind a CustomResourceDefinition defines; nil for other objects.
    var definedGroupKind: (group: String, kind: String)? {
        guard kind == "CustomResourceDefinition", gvk.group == "apiextensions.k8s.io",
            let group = self[path: "spec", "group"]?.string, let kind = self[path: "spec", "names", "kind"]?.string
        else { return nil }
        return (group, kind)
    }
}
