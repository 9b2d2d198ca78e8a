import Crypto
import Foundation
import KPlanCore

/// An ApplySet (KEP-3659, as `kubectl apply --prune --applyset` records it): a parent object that
/// holds the set's id and the group-kinds of its members, and members labelled as part of it. Objects
/// labelled as members that the manifests no longer hold are pruned.
public struct ApplySet: Sendable, Hashable {
    /// Label on every member: the set's id.
    public static let partOfLabel = "applyset.kubernetes.io/part-of"
    /// Label on the parent: the set's id.
    public static let idLabel = "applyset.kubernetes.io/id"
    /// Annotation on the parent: the members' group-kinds (`Deployment.apps,Service`).
    public static let groupKindsAnnotation = "applyset.kubernetes.io/contains-group-kinds"
    /// Annotation on the parent: namespaces other than the parent's that hold members.
    public static let namespacesAnnotation = "applyset.kubernetes.io/additional-namespaces"
    /// Annotation on the parent: the tool that manages the set.
    public static let toolingAnnotation = "applyset.kubernetes.io/tooling"

    /// The parent's name.
    public var name: String
    /// The parent's namespace.
    public var namespace: String

    /// An ApplySet whose parent is the Secret `name` in `namespace` (kubectl's default parent kind).
    public init(name: String, namespace: String) {
        self.name = name
        self.namespace = namespace
    }

    /// The parent's key.
    public var parentKey: ResourceKey { ResourceKey(group: "", kind: "Secret", namespace: namespace, name: name) }

    /// The id: `applyset-` + base64url(sha256("<name>.<namespace>.<kind>.<group>")) + `-v1`.
    public var id: String {
        let digest = SHA256.hash(data: Data("\(name).\(namespace).Secret.".utf8))
        let encoded = Data(digest).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "applyset-\(encoded)-v1"
    }

    /// `object` labelled as a member.
    public func member(_ object: KubeObject) -> KubeObject {
        var member = object
        member.labels[Self.partOfLabel] = id
        return member
    }

    /// The parent object recording `groupKinds` and the members' namespaces.
    public func parent(groupKinds: Set<String>, namespaces: Set<String>, tooling: String) -> KubeObject {
        var parent = KubeObject(["apiVersion": "v1", "kind": "Secret", "metadata": ["name": .string(name)]])
        parent.namespace = namespace
        parent.labels = [Self.idLabel: id]
        var annotations = [
            Self.groupKindsAnnotation: groupKinds.sorted().joined(separator: ","),
            Self.toolingAnnotation: tooling,
        ]
        let others = namespaces.subtracting([namespace, ""])
        if !others.isEmpty { annotations[Self.namespacesAnnotation] = others.sorted().joined(separator: ",") }
        parent.annotations = annotations
        return parent
    }

    /// A group-kind as the annotation writes it: `Kind.group`, or `Kind` for the core group.
    public static func groupKind(group: String, kind: String) -> String {
        group.isEmpty ? kind : "\(kind).\(group)"
    }

    /// Splits the group-kinds annotation of a live parent.
    public static func groupKinds(of parent: KubeObject) -> [GroupKind] {
        (parent.annotations[groupKindsAnnotation] ?? "").split(separator: ",").map { entry in
            let parts = entry.split(separator: ".", maxSplits: 1).map(String.init)
            return GroupKind(group: parts.count > 1 ? parts[1] : "", kind: parts[0])
        }
    }

    /// The namespaces of a live parent: its own and the additional ones.
    public static func namespaces(of parent: KubeObject) -> [String] {
        [parent.namespace] + (parent.annotations[namespacesAnnotation] ?? "").split(separator: ",").map(String.init)
    }
}
