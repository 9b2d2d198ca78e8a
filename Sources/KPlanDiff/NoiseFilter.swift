import KPlanCore

/// Removes from an object what a plan never shows as a change: fields the server owns or that
/// record bookkeeping rather than intent.
public enum NoiseFilter {
    /// The paths removed, as object keys from the root:
    /// - `status`: written by controllers, not by apply;
    /// - `metadata.managedFields`: server-side apply's ownership record;
    /// - `metadata.resourceVersion`, `generation`, `uid`, `creationTimestamp`, `selfLink`: set by
    ///   the server on every write or once at creation;
    /// - the `kubectl.kubernetes.io/last-applied-configuration` annotation: a copy of the last
    ///   client-side apply.
    ///
    /// A `metadata.annotations` or `metadata.labels` map left empty by the removal goes too.
    public static let ignoredPaths: [[String]] = [
        ["status"],
        ["metadata", "managedFields"],
        ["metadata", "resourceVersion"],
        ["metadata", "generation"],
        ["metadata", "uid"],
        ["metadata", "creationTimestamp"],
        ["metadata", "selfLink"],
        ["metadata", "annotations", lastAppliedAnnotation],
    ]

    /// The annotation client-side `kubectl apply` keeps its last request in.
    public static let lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration"

    /// `object` without the ignored paths.
    public static func strip(_ object: KubeObject) -> KubeObject {
        KubeObject(strip(object.value)) ?? object
    }

    /// `value` without the ignored paths (unchanged when it is not an object).
    public static func strip(_ value: JSONValue) -> JSONValue {
        guard case .object = value else { return value }
        var result = value
        for path in ignoredPaths where result[path: path] != nil {
            result.set(nil, at: path)
            if path.count == 3, result[path: Array(path.prefix(2))]?.object?.isEmpty == true {
                result.set(nil, at: Array(path.prefix(2)))
            }
        }
        return result
    }
}
