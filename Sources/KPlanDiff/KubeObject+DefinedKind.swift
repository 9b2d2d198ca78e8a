import KPlanCore
import KPlanValidation

extension KubeObject {
    /// The group and kind a CustomResourceDefinition defines; nil for other objects.
    var definedGroupKind: GroupKind? {
        guard CRDCompiler.isCRD(gvk), let group = self[path: "spec", "group"]?.string,
            let kind = self[path: "spec", "names", "kind"]?.string
        else { return nil }
        return GroupKind(group: group, kind: kind)
    }
}
