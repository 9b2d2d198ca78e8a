/// A Kubernetes group/version/kind.
public struct GroupVersionKind: Hashable, Sendable, CustomStringConvertible {
    /// The API group (`""` for the core group).
    public var group: String
    /// The version (`v1`, `v1beta1`).
    public var version: String
    /// The kind (`Deployment`).
    public var kind: String

    /// Creates a GVK.
    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// Splits an `apiVersion` (`apps/v1`, `v1`) and a kind.
    public init(apiVersion: String, kind: String) {
        // The slash is found among the UTF-8 bytes, as Kubernetes splits: searching the characters
        // segments the whole text into grapheme clusters first, for every object read.
        if let slash = apiVersion.utf8.lastIndex(of: UInt8(ascii: "/")) {
            group = String(apiVersion[..<slash])
            version = String(apiVersion[apiVersion.utf8.index(after: slash)...])
        } else {
            group = ""
            version = apiVersion
        }
        self.kind = kind
    }

    /// `group/version`, or just `version` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    public var description: String { "\(apiVersion), Kind=\(kind)" }
}

/// Identifies one object: group, kind, namespace and name (the version is not part of identity).
public struct ResourceKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The API group (`""` for core).
    public var group: String
    /// The kind.
    public var kind: String
    /// The namespace, or `""` for cluster-scoped objects.
    public var namespace: String
    /// The name.
    public var name: String

    /// Creates a key.
    public init(group: String, kind: String, namespace: String, name: String) {
        self.group = group
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    public static func < (lhs: ResourceKey, rhs: ResourceKey) -> Bool {
        (lhs.namespace, lhs.group, lhs.kind, lhs.name) < (rhs.namespace, rhs.group, rhs.kind, rhs.name)
    }

    /// `Kind namespace/name` (or `Kind name` when cluster-scoped), with the group when not core.
    public var description: String {
        let kindText = group.isEmpty ? kind : "\(kind).\(group)"
        return namespace.isEmpty ? "\(kindText) \(name)" : "\(kindText) \(namespace)/\(name)"
    }
}

/// One Kubernetes object read from the input, with its source.
public struct Resource: Sendable {
    /// The file it came from, as given.
    public var file: String
    /// 0-based index of the document within the file.
    public var documentIndex: Int
    /// The object's root mapping.
    public var node: Node
    /// Its group/version/kind.
    public var gvk: GroupVersionKind
    /// `metadata.name` (or `generateName`), `""` when missing.
    public var name: String
    /// `metadata.namespace` as written, nil when absent.
    public var namespace: String?

    /// Creates a resource.
    public init(file: String, documentIndex: Int, node: Node, gvk: GroupVersionKind, name: String, namespace: String?) {
        self.file = file
        self.documentIndex = documentIndex
        self.node = node
        self.gvk = gvk
        self.name = name
        self.namespace = namespace
    }

    /// The location of a node of this resource.
    public func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, range: node.range)
    }

    /// The location of the whole object.
    public var location: SourceLocation { location(of: node) }

    /// `Kind namespace/name` for messages.
    public var displayName: String {
        if let namespace, !namespace.isEmpty { return "\(gvk.kind) \(namespace)/\(name)" }
        return "\(gvk.kind) \(name)"
    }
}

/// Whether objects of a kind live in a namespace or in the cluster as a whole.
public enum ResourceScope: String, Sendable, Hashable, Codable {
    case namespaced = "Namespaced"
    case cluster = "Cluster"
}
