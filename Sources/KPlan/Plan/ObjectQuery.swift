import KPlanCore
import KPlanSimulator

/// Reads objects for `kplan get`: kinds named as kubectl names them, one object or a list.
public struct ObjectQuery: Sendable {
    /// The cluster read.
    public var cluster: any ClusterBackend

    /// Creates a query.
    public init(cluster: any ClusterBackend) {
        self.cluster = cluster
    }

    /// The objects of `kind` (a kind, resource or short name), by `name` or all, in `namespace`
    /// (nil: every namespace; ignored for cluster-scoped kinds), sorted by namespace and name.
    /// - Throws: `APIError` when the kind is unknown or the named object does not exist.
    public func objects(kind: String, name: String?, namespace: String?) async throws -> [KubeObject] {
        guard let resource = try await cluster.resources().resolve(kind) else {
            throw APIError(.notFound, "the server doesn't have a resource type \"\(kind)\"")
        }
        let scopedNamespace = resource.scope == .cluster ? "" : namespace
        if let name {
            let key = ResourceKey(group: resource.group, kind: resource.kind, namespace: scopedNamespace ?? "", name: name)
            guard let object = try await cluster.get(key) else {
                throw APIError(.notFound, "\(resource.qualifiedName) \"\(name)\" not found")
            }
            return [object]
        }
        let listed = try await cluster.list(
            group: resource.group, kind: resource.kind, namespace: resource.scope == .cluster ? nil : scopedNamespace, labels: [:])
        return listed.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }

    /// `deployment.apps/web`, as `-o name` prints an object.
    public static func qualifiedName(_ object: KubeObject) -> String {
        let kind = object.kind.lowercased()
        return object.gvk.group.isEmpty ? "\(kind)/\(object.name)" : "\(kind).\(object.gvk.group)/\(object.name)"
    }

    /// A table of names (and namespaces), with each object's creation time.
    public static func table(_ objects: [KubeObject], showNamespace: Bool) -> String {
        var rows = [(showNamespace ? ["NAMESPACE"] : []) + ["NAME", "CREATED"]]
        for object in objects {
            let created = object[path: "metadata", "creationTimestamp"]?.string ?? "<unknown>"
            rows.append((showNamespace ? [object.namespace] : []) + [object.name, created])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 3)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }
}
