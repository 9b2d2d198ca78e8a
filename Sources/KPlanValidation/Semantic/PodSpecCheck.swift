import KPlanCore

/// A pod spec's names: containers and volumes unique and well-formed, mounts naming defined volumes,
/// container ports well-formed, and env vars not silently redefined.
enum PodSpecCheck {
    /// The container lists of a pod spec, all sharing one name space.
    private static let containerFields = ["initContainers", "containers", "ephemeralContainers"]
    /// The port number fields of a container port.
    private static let portNumberFields = ["containerPort", "hostPort"]
    /// The container fields naming volumes.
    private static let mountFields = ["volumeMounts", "volumeDevices"]

    /// Where a list item of the pod spec is (`spec.template.spec.containers[0]`), kept in parts and
    /// rendered only when something is reported.
    private struct ItemPath {
        var specPath: String
        var field: String
        var index: Int

        /// The rendered field path.
        var text: String { "\(specPath).\(field)[\(index)]" }
    }

    /// One named item (container, volume) with where it is.
    private struct Named {
        var name: String
        var node: Node
        var path: ItemPath
    }

    /// Checks the pod spec of a Pod, PodTemplate, workload or CronJob.
    static func check(_ resource: Resource, into report: inout SemanticReport) {
        guard let location = PodTemplateLocation.locate(in: resource) else { return }
        if let metadata = location.templateMetadata {
            MetadataCheck.check(metadata, path: location.templateMetadataPath, into: &report)
        }
        let spec = location.spec
        var volumeNames = checkVolumes(spec, path: location.specPath, into: &report)
        if resource.gvk.group == "apps", resource.gvk.kind == "StatefulSet" {
            for claim in resource.node["spec"]?["volumeClaimTemplates"]?.items ?? [] {
                if let name = claim["metadata"]?["name"]?.string { volumeNames.insert(name) }
            }
        }
        var containers: [Named] = []
        for field in containerFields {
            for (index, container) in (spec[field]?.items ?? []).enumerated() {
                let itemPath = ItemPath(specPath: location.specPath, field: field, index: index)
                if let nameNode = container["name"], let name = nameNode.string, !name.isEmpty {
                    containers.append(Named(name: name, node: nameNode, path: itemPath))
                } else if container.entries != nil {
                    report.add(.error, "semantic.invalid-container-name", FieldError.required("\(itemPath.text).name"), at: container)
                }
                checkPorts(container, path: itemPath, into: &report)
                checkMounts(container, path: itemPath, volumes: volumeNames, into: &report)
            }
        }
        checkNames(
            containers, invalidCode: "semantic.invalid-container-name", duplicateCode: "semantic.duplicate-container-name",
            what: "container", into: &report)
    }

    /// Checks volume names and returns the set of them.
    private static func checkVolumes(_ spec: Node, path: String, into report: inout SemanticReport) -> Set<String> {
        var volumes: [Named] = []
        for (index, volume) in (spec["volumes"]?.items ?? []).enumerated() {
            if let nameNode = volume["name"], let name = nameNode.string, !name.isEmpty {
                volumes.append(Named(name: name, node: nameNode, path: ItemPath(specPath: path, field: "volumes", index: index)))
            } else if volume.entries != nil {
                report.add(.error, "semantic.invalid-volume-name", FieldError.required("\(path).volumes[\(index)].name"), at: volume)
            }
        }
        // Duplicate volume names are the schema's finding: volumes are a map-type list keyed by name.
        checkNames(volumes, invalidCode: "semantic.invalid-volume-name", duplicateCode: nil, what: "volume", into: &report)
        return Set(volumes.map(\.name))
    }

    /// Reports names that are not DNS-1123 labels, and (given a `duplicateCode`) every repeat of a name
    /// after the first in the file.
    private static func checkNames(
        _ items: [Named], invalidCode: String, duplicateCode: String?, what: String, into report: inout SemanticReport
    ) {
        var first: [String: Named] = [:]
        let inOrder = zip(items, items.dropFirst()).allSatisfy { !($1.node.range.start < $0.node.range.start) }
        for item in inOrder ? items : items.sorted(by: { $0.node.range.start < $1.node.range.start }) {
            let errors = NameSyntax.dns1123Label(item.name)
            if !errors.isEmpty {
                report.add(
                    .error, invalidCode, FieldError.invalid("\(item.path.text).name", item.name, errors.joined(separator: "; ")),
                    at: item.node)
            }
            if let duplicateCode, let previous = first[item.name] {
                report.add(
                    .error, duplicateCode, FieldError.duplicate("\(item.path.text).name", item.name), at: item.node,
                    notes: [report.note("\(what) \"\(item.name)\" is first defined here", at: previous.node)])
            } else {
                first[item.name] = item
            }
        }
    }

    /// Checks a container's port names (IANA service names, unique within the container) and numbers.
    private static func checkPorts(_ container: Node, path: ItemPath, into report: inout SemanticReport) {
        var seen: [String: Node] = [:]
        for (index, port) in (container["ports"]?.items ?? []).enumerated() {
            if let nameNode = port["name"], let name = nameNode.string, !name.isEmpty {
                let errors = NameSyntax.portName(name)
                if !errors.isEmpty {
                    report.add(
                        .error, "semantic.invalid-port-name",
                        FieldError.invalid("\(path.text).ports[\(index)].name", name, errors.joined(separator: "; ")), at: nameNode)
                } else if let previous = seen[name] {
                    report.add(
                        .error, "semantic.duplicate-port-name", FieldError.duplicate("\(path.text).ports[\(index)].name", name),
                        at: nameNode, notes: [report.note("port \"\(name)\" is first defined here", at: previous)])
                } else {
                    seen[name] = nameNode
                }
            }
            for field in portNumberFields {
                guard let node = port[field], let number = node.int else { continue }
                if field == "hostPort" && number == 0 { continue }
                let errors = NameSyntax.portNumber(number)
                if !errors.isEmpty {
                    report.add(
                        .error, "semantic.invalid-port-number",
                        FieldError.invalid("\(path.text).ports[\(index)].\(field)", String(number), errors.joined(separator: "; ")), at: node)
                }
            }
        }
    }

    /// Reports volume mounts and devices that name no volume of the pod.
    private static func checkMounts(
        _ container: Node, path: ItemPath, volumes: Set<String>, into report: inout SemanticReport
    ) {
        for field in mountFields {
            for (index, mount) in (container[field]?.items ?? []).enumerated() {
                guard let nameNode = mount["name"], let name = nameNode.string, !volumes.contains(name) else { continue }
                report.add(
                    .error, "semantic.unknown-volume",
                    FieldError.notFound("\(path.text).\(field)[\(index)].name", name) + " (no volume of the pod has this name)",
                    at: nameNode)
            }
        }
    }
}
