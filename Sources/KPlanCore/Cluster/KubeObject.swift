/// One Kubernetes object as the API holds it: a JSON object with `apiVersion`, `kind` and `metadata`.
///
/// Its identity (group, version, kind, namespace, name) is read when the value is set and again only
/// when a change touches it, since planning and admission ask for it far more often than they change
/// an object; it is kept in one shared box, so copies stay cheap.
public struct KubeObject: Sendable, Hashable {
    /// The whole object (always a JSON object).
    public private(set) var value: JSONValue

    /// The identity fields, as of the current value.
    private var identity: Identity

    /// Wraps a JSON value; nil unless it is an object.
    public init?(_ value: JSONValue) {
        guard case .object = value else { return nil }
        self.value = value
        identity = Identity(value)
    }

    /// Wraps the members of a JSON object.
    public init(_ members: [String: JSONValue]) {
        value = .object(members)
        identity = Identity(value)
    }

    public static func == (lhs: KubeObject, rhs: KubeObject) -> Bool {
        lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }

    /// The members of the object.
    public var members: [String: JSONValue] { value.object ?? [:] }

    /// The member `key`.
    public subscript(_ key: String) -> JSONValue? {
        get { value[key] }
        set {
            value[key] = newValue
            if Identity.isAffected(by: key, nil) { identity = Identity(value) }
        }
    }

    /// The value at a path of object keys.
    public subscript(path keys: String...) -> JSONValue? {
        get { value[path: keys] }
        set {
            value.set(newValue, at: keys)
            if keys.first.map({ Identity.isAffected(by: $0, keys.dropFirst().first) }) ?? true { identity = Identity(value) }
        }
    }

    /// `apiVersion`, `""` when missing.
    public var apiVersion: String { identity.apiVersion }

    /// `kind`, `""` when missing.
    public var kind: String { identity.gvk.kind }

    /// Group, version and kind.
    public var gvk: GroupVersionKind { identity.gvk }

    /// Group, kind, namespace and name.
    public var key: ResourceKey {
        ResourceKey(group: gvk.group, kind: kind, namespace: namespace, name: name)
    }

    /// `metadata.name`, `""` when missing.
    public var name: String {
        get { identity.name }
        set { setMetadata("name", .string(newValue)) }
    }

    /// `metadata.namespace`, `""` when missing (cluster-scoped objects).
    public var namespace: String {
        get { identity.namespace }
        set { setMetadata("namespace", newValue.isEmpty ? nil : .string(newValue)) }
    }

    /// `metadata.uid`, nil when not yet stored.
    public var uid: String? {
        get { metadataString("uid") }
        set { setMetadata("uid", newValue.map(JSONValue.string)) }
    }

    /// `metadata.resourceVersion`, nil when not yet stored.
    public var resourceVersion: String? {
        get { metadataString("resourceVersion") }
        set { setMetadata("resourceVersion", newValue.map(JSONValue.string)) }
    }

    /// `metadata.generation`, nil when not set.
    public var generation: Int64? {
        get { value[path: "metadata", "generation"]?.int }
        set { setMetadata("generation", newValue.map(JSONValue.int)) }
    }

    /// `metadata.labels`.
    public var labels: [String: String] {
        get { stringMap("labels") }
        set { setMetadata("labels", newValue.isEmpty ? nil : .object(newValue.mapValues(JSONValue.string))) }
    }

    /// `metadata.annotations`.
    public var annotations: [String: String] {
        get { stringMap("annotations") }
        set { setMetadata("annotations", newValue.isEmpty ? nil : .object(newValue.mapValues(JSONValue.string))) }
    }

    /// `metadata.finalizers`.
    public var finalizers: [String] {
        get { value[path: "metadata", "finalizers"]?.array?.compactMap(\.string) ?? [] }
        set { setMetadata("finalizers", newValue.isEmpty ? nil : .array(newValue.map(JSONValue.string))) }
    }

    /// `metadata.deletionTimestamp`, nil when the object is not being deleted.
    public var deletionTimestamp: String? {
        get { metadataString("deletionTimestamp") }
        set { setMetadata("deletionTimestamp", newValue.map(JSONValue.string)) }
    }

    private func metadataString(_ key: String) -> String? {
        value[path: "metadata", key]?.string
    }

    private func stringMap(_ key: String) -> [String: String] {
        value[path: "metadata", key]?.object?.compactMapValues(\.string) ?? [:]
    }

    private mutating func setMetadata(_ key: String, _ newValue: JSONValue?) {
        value.set(newValue, at: ["metadata", key])
        if Identity.isAffected(by: "metadata", key) { identity = Identity(value) }
    }

    /// The fields that say which object this is.
    private final class Identity: Sendable {
        let apiVersion: String
        let gvk: GroupVersionKind
        let namespace: String
        let name: String

        /// Whether setting the member `key` (or, given, its member `member`) can change the identity.
        static func isAffected(by key: String, _ member: String?) -> Bool {
            switch key {
            case "apiVersion", "kind": true
            case "metadata": member.map { $0 == "name" || $0 == "namespace" } ?? true
            default: false
            }
        }

        init(_ value: JSONValue) {
            apiVersion = value["apiVersion"]?.string ?? ""
            gvk = GroupVersionKind(apiVersion: apiVersion, kind: value["kind"]?.string ?? "")
            let metadata = value["metadata"]
            namespace = metadata?["namespace"]?.string ?? ""
            name = metadata?["name"]?.string ?? ""
        }
    }
}
