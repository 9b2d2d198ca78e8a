import KPlanCore

/// A Service's ports and type, as `ValidateService` checks them.
enum ServiceCheck {
    /// A Service port's number and protocol, which must be unique among its ports.
    private struct PortKey: Hashable {
        var number: Int64
        var `protocol`: String

        /// `80/TCP`, as messages write it.
        var text: String { "\(number)/\(`protocol`)" }
    }

    /// Checks a core Service; other kinds are left alone.
    static func check(_ resource: Resource, into report: inout SemanticReport) {
        guard resource.gvk.group == "", resource.gvk.kind == "Service", let specEntry = resource.node.entry("spec")
        else { return }
        let spec = specEntry.value
        let type = spec["type"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? "ClusterIP"
        let clusterIPNode = spec["clusterIP"]
        let headless = clusterIPNode?.string == "None"

        if let clusterIPNode, headless, type == "NodePort" || type == "LoadBalancer" {
            report.add(
                .error, "semantic.headless-service-type",
                FieldError.invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for \(type) services"),
                at: clusterIPNode)
        }
        if type == "ExternalName" {
            checkExternalName(spec, specKey: specEntry.key, into: &report)
        }
        if let selector = spec["selector"] {
            MetadataCheck.checkLabels(selector, path: "spec.selector", into: &report)
        }

        let ports = spec["ports"]?.items ?? []
        if ports.isEmpty && !headless && type != "ExternalName" {
            report.add(
                .error, "semantic.missing-service-ports", FieldError.required("spec.ports"),
                at: spec.entry("ports")?.key ?? specEntry.key)
        }
        var names: [String: Node] = [:]
        var numbers: [PortKey: Node] = [:]
        for (index, port) in ports.enumerated() where port.entries != nil {
            checkName(port, path: portPath(index), requireName: ports.count > 1, seen: &names, into: &report)
            if let numberNode = port["port"], let number = numberNode.int {
                let errors = NameSyntax.portNumber(number)
                if !errors.isEmpty {
                    report.add(
                        .error, "semantic.invalid-port-number",
                        FieldError.invalid("\(portPath(index)).port", String(number), errors.joined(separator: "; ")), at: numberNode)
                }
                let key = PortKey(number: number, protocol: port["protocol"]?.string ?? "TCP")
                if let previous = numbers[key] {
                    report.add(
                        .error, "semantic.duplicate-service-port", FieldError.duplicate(portPath(index), key.text), at: port,
                        notes: [report.note("port \(key.text) is first defined here", at: previous)])
                } else {
                    numbers[key] = port
                }
            }
            checkTargetPort(port, path: portPath(index), into: &report)
            if type == "ClusterIP", let nodePort = port["nodePort"], let number = nodePort.int, number != 0 {
                report.add(
                    .error, "semantic.node-port-not-allowed",
                    FieldError.forbidden("\(portPath(index)).nodePort", "may not be used when `type` is 'ClusterIP'"), at: nodePort)
            }
        }
    }

    /// The field path of the port at `index`.
    private static func portPath(_ index: Int) -> String { "spec.ports[\(index)]" }

    /// An ExternalName Service has a DNS-1123 subdomain `externalName` and no cluster IP. A single trailing
    /// dot (a fully qualified name) is accepted, as current API servers do.
    private static func checkExternalName(_ spec: Node, specKey: Node, into report: inout SemanticReport) {
        if let clusterIP = spec["clusterIP"], let value = clusterIP.string, !value.isEmpty {
            report.add(
                .error, "semantic.cluster-ip-not-allowed",
                FieldError.forbidden("spec.clusterIP", "must be empty for ExternalName services"), at: clusterIP)
        }
        guard let node = spec["externalName"], let name = node.string, !name.isEmpty else {
            report.add(
                .error, "semantic.invalid-external-name", FieldError.required("spec.externalName"),
                at: spec.entry("externalName")?.key ?? specKey)
            return
        }
        let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : name
        let errors = NameSyntax.dns1123Subdomain(trimmed)
        if !errors.isEmpty {
            report.add(
                .error, "semantic.invalid-external-name",
                FieldError.invalid("spec.externalName", name, errors.joined(separator: "; ")), at: node)
        }
    }

    /// A port name is required when there are several ports, must be a DNS-1123 label, and unique.
    private static func checkName(
        _ port: Node, path: @autoclosure () -> String, requireName: Bool, seen: inout [String: Node], into report: inout SemanticReport
    ) {
        guard let nameNode = port["name"], let name = nameNode.string, !name.isEmpty else {
            if requireName {
                report.add(
                    .error, "semantic.missing-port-name",
                    FieldError.required("\(path()).name", "every port must be named when a Service has more than one"),
                    at: port)
            }
            return
        }
        let errors = NameSyntax.dns1123Label(name)
        if !errors.isEmpty {
            report.add(
                .error, "semantic.invalid-port-name",
                FieldError.invalid("\(path()).name", name, errors.joined(separator: "; ")), at: nameNode)
        }
        if let previous = seen[name] {
            report.add(
                .error, "semantic.duplicate-port-name", FieldError.duplicate("\(path()).name", name), at: nameNode,
                notes: [report.note("port \"\(name)\" is first defined here", at: previous)])
        } else {
            seen[name] = nameNode
        }
    }

    /// `targetPort` is a port number or an IANA service name; 0 and `""` default to `port`.
    private static func checkTargetPort(_ port: Node, path: @autoclosure () -> String, into report: inout SemanticReport) {
        guard let node = port["targetPort"] else { return }
        if let number = node.int, number != 0 {
            let errors = NameSyntax.portNumber(number)
            if !errors.isEmpty {
                report.add(
                    .error, "semantic.invalid-port-number",
                    FieldError.invalid("\(path()).targetPort", String(number), errors.joined(separator: "; ")), at: node)
            }
        } else if let name = node.string, !name.isEmpty {
            let errors = NameSyntax.portName(name)
            if !errors.isEmpty {
                report.add(
                    .error, "semantic.invalid-port-name",
                    FieldError.invalid("\(path()).targetPort", name, errors.joined(separator: "; ")), at: node)
            }
        }
    }
}
