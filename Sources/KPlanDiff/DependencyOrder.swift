import KPlanCore

/// Orders objects into waves so each object is applied after what it depends on (kapp's change
/// graph, Terraform's walk): an object's wave is one more than the latest wave of its dependencies.
///
/// Dependencies:
/// - an object in namespace N depends on the Namespace N when that is in the same set;
/// - a custom resource depends on its CustomResourceDefinition when that is in the same set;
/// - workloads depend on the ServiceAccounts, Secrets, ConfigMaps and PersistentVolumeClaims of their
///   namespace, and on every StorageClass, PriorityClass and RuntimeClass;
/// - RoleBindings depend on the Roles of their namespace and on ClusterRoles; ClusterRoleBindings on
///   ClusterRoles;
/// - admission webhooks and admission policies come after everything else, so they never block the
///   objects applied with them.
///
/// Deletions use the same graph reversed (see `deletionWaves(for:)`).
public enum DependencyOrder {
    /// The wave (0-based) of each object, in the order given.
    public static func waves(for objects: [KubeObject]) -> [Int] {
        let roles = objects.map(Role.init)
        let namespaceNames = Set(objects.indices.filter { roles[$0] == .namespace }.map { objects[$0].name })
        let definedKinds = Set(objects.compactMap(\.definedGroupKind))

        var waves = [Int](repeating: 0, count: objects.count)
        // Base: the namespace and the CRD.
        for index in objects.indices where roles[index] != .namespace && roles[index] != .definition {
            let object = objects[index]
            let inDefinedNamespace = !namespaceNames.isEmpty && !object.namespace.isEmpty && namespaceNames.contains(object.namespace)
            if inDefinedNamespace || (!definedKinds.isEmpty && definedKinds.contains(object.gvk.groupKind)) {
                waves[index] = 1
            }
        }
        // The latest wave of what others wait for, by namespace ("" = cluster-wide).
        var configWave: [String: Int] = [:]
        var roleWave: [String: Int] = [:]
        for index in objects.indices {
            let namespace = objects[index].namespace
            switch roles[index] {
            case .configuration: configWave[namespace] = max(configWave[namespace] ?? 0, waves[index])
            case .clusterConfiguration: configWave[""] = max(configWave[""] ?? 0, waves[index])
            case .role: roleWave[namespace] = max(roleWave[namespace] ?? 0, waves[index])
            case .clusterRole: roleWave[""] = max(roleWave[""] ?? 0, waves[index])
            case .namespace, .definition, .workload, .binding, .clusterBinding, .admission, .other: break
            }
        }
        for index in objects.indices {
            let namespace = objects[index].namespace
            switch roles[index] {
            case .workload:
                if let needed = latest(configWave[namespace], configWave[""]) { waves[index] = max(waves[index], needed + 1) }
            case .binding:
                if let needed = latest(roleWave[namespace], roleWave[""]) { waves[index] = max(waves[index], needed + 1) }
            case .clusterBinding:
                if let needed = roleWave[""] { waves[index] = max(waves[index], needed + 1) }
            case .namespace, .definition, .configuration, .clusterConfiguration, .role, .clusterRole, .admission, .other:
                break
            }
        }
        let lastNonAdmission = objects.indices.filter { roles[$0] != .admission }.map { waves[$0] }.max()
        for index in objects.indices where roles[index] == .admission {
            waves[index] = lastNonAdmission.map { $0 + 1 } ?? 0
        }
        return compacted(waves)
    }

    /// The deletion wave (0-based) of each object: dependents go first, so the graph is reversed.
    public static func deletionWaves(for objects: [KubeObject]) -> [Int] {
        let forward = waves(for: objects)
        let last = forward.max() ?? 0
        return compacted(forward.map { last - $0 })
    }

    /// The later of two waves, either of which may be missing.
    private static func latest(_ first: Int?, _ second: Int?) -> Int? {
        guard let first else { return second }
        guard let second else { return first }
        return max(first, second)
    }

    /// Renumbers waves so they are 0, 1, 2… without gaps, keeping their order.
    private static func compacted(_ waves: [Int]) -> [Int] {
        // Waves are small non-negative numbers (at most a few a plan): ranked through an array.
        guard let last = waves.max() else { return [] }
        var rank = [Int](repeating: 0, count: last + 1)
        for wave in waves { rank[wave] = 1 }
        var next = 0
        for wave in rank.indices where rank[wave] == 1 {
            rank[wave] = next
            next += 1
        }
        return waves.map { rank[$0] }
    }

    /// The part an object plays in ordering.
    private enum Role: Equatable {
        case namespace, definition, configuration, clusterConfiguration, workload, role, clusterRole, binding,
            clusterBinding, admission, other

        init(_ object: KubeObject) {
            self = Self.byGroupKind[object.gvk.groupKind] ?? .other
        }

        /// The role of every kind that has one besides `.other`.
        private static let byGroupKind: [GroupKind: Role] = {
            var roles: [GroupKind: Role] = [:]
            func add(_ role: Role, _ group: String, _ kinds: String...) {
                for kind in kinds { roles[GroupKind(group: group, kind: kind)] = role }
            }
            add(.namespace, "", "Namespace")
            add(.definition, "apiextensions.k8s.io", "CustomResourceDefinition")
            add(.configuration, "", "ServiceAccount", "Secret", "ConfigMap", "PersistentVolumeClaim")
            add(.clusterConfiguration, "storage.k8s.io", "StorageClass")
            add(.clusterConfiguration, "scheduling.k8s.io", "PriorityClass")
            add(.clusterConfiguration, "node.k8s.io", "RuntimeClass")
            add(.clusterConfiguration, "", "PersistentVolume")
            add(.workload, "", "Pod", "ReplicationController")
            add(.workload, "apps", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet")
            add(.workload, "batch", "Job", "CronJob")
            add(.role, "rbac.authorization.k8s.io", "Role")
            add(.clusterRole, "rbac.authorization.k8s.io", "ClusterRole")
            add(.binding, "rbac.authorization.k8s.io", "RoleBinding")
            add(.clusterBinding, "rbac.authorization.k8s.io", "ClusterRoleBinding")
            add(.admission, "admissionregistration.k8s.io", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
                "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy",
                "MutatingAdmissionPolicyBinding")
            return roles
        }()
    }
}
