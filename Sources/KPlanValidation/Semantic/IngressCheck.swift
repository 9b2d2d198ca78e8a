import KPlanCore

/// An Ingress's hosts, paths and backends, as `ValidateIngressSpec` checks them.
enum IngressCheck {
    /// Sequences an `Exact` or `Prefix` path may not contain.
    private static let invalidPathSequences = ["//", "/./", "/../", "%2f", "%2F"]
    /// Endings an `Exact` or `Prefix` path may not have.
    private static let invalidPathSuffixes = ["/..", "/."]

    /// Checks a networking.k8s.io Ingress; other kinds are left alone.
    static func check(_ resource: Resource, into report: inout SemanticReport) {
        guard resource.gvk.group == "networking.k8s.io", resource.gvk.kind == "Ingress",
            let spec = resource.node["spec"]
        else { return }
        if let backend = spec["defaultBackend"] {
            checkBackend(backend, path: "spec.defaultBackend", into: &report)
        }
        for (index, tls) in (spec["tls"]?.items ?? []).enumerated() {
            for (hostIndex, host) in (tls["hosts"]?.items ?? []).enumerated() {
                checkHost(host, path: "spec.tls[\(index)].hosts[\(hostIndex)]", into: &report)
            }
        }
        for (index, rule) in (spec["rules"]?.items ?? []).enumerated() {
            if let host = rule["host"] {
                checkHost(host, path: "spec.rules[\(index)].host", into: &report)
            }
            for (pathIndex, httpPath) in (rule["http"]?["paths"]?.items ?? []).enumerated() {
                checkPath(httpPath, path: "spec.rules[\(index)].http.paths[\(pathIndex)]", into: &report)
                if let backend = httpPath["backend"] {
                    checkBackend(backend, path: "spec.rules[\(index)].http.paths[\(pathIndex)].backend", into: &report)
                }
            }
        }
    }

    /// A host is a DNS-1123 subdomain (or a `*.` wildcard one), and not an IP address.
    private static func checkHost(_ node: Node, path: @autoclosure () -> String, into report: inout SemanticReport) {
        guard let host = node.string, !host.isEmpty else { return }
        var errors: [String] = []
        if NameSyntax.isIPv4Address(host) { errors.append("must be a DNS name, not an IP address") }
        errors += host.utf8.contains(UInt8(ascii: "*")) ? NameSyntax.wildcardDNS1123Subdomain(host) : NameSyntax.dns1123Subdomain(host)
        guard !errors.isEmpty else { return }
        report.add(
            .error, "semantic.invalid-ingress-host", FieldError.invalid(path(), host, errors.joined(separator: "; ")),
            at: node)
    }

    /// `Exact` and `Prefix` paths are absolute and clean; an `ImplementationSpecific` one is absolute if set.
    private static func checkPath(_ httpPath: Node, path: @autoclosure () -> String, into report: inout SemanticReport) {
        guard let pathType = httpPath["pathType"]?.string else { return }
        let pathNode = httpPath["path"]
        let value = pathNode?.string ?? ""
        var errors: [String] = []
        switch pathType {
        case "Exact", "Prefix":
            if !value.hasPrefix("/") { errors.append("must be an absolute path") }
            if !value.isEmpty {
                errors += invalidPathSequences.filter { contains(value, $0) }.map { "must not contain '\($0)'" }
                errors += invalidPathSuffixes.filter { value.hasSuffix($0) }.map { "cannot end with '\($0)'" }
            }
        case "ImplementationSpecific":
            if !value.isEmpty && !value.hasPrefix("/") { errors.append("must be an absolute path") }
        default:
            return
        }
        guard !errors.isEmpty else { return }
        report.add(
            .error, "semantic.invalid-ingress-path",
            FieldError.invalid("\(path()).path", value, errors.joined(separator: "; ")),
            at: pathNode ?? httpPath.entry("pathType")?.key ?? httpPath)
    }

    /// Whether `text` contains `part`, comparing bytes (the sequences are ASCII; a generic substring
    /// search costs more than the whole check otherwise).
    private static func contains(_ text: String, _ part: String) -> Bool {
        let haystack = text.utf8, needle = part.utf8
        var start = haystack.startIndex
        while start != haystack.endIndex {
            if haystack[start...].starts(with: needle) { return true }
            haystack.formIndex(after: &start)
        }
        return needle.isEmpty
    }

    /// A Service backend names a Service (a DNS-1035 label) and exactly one port, by number or IANA name.
    private static func checkBackend(_ backend: Node, path: @autoclosure () -> String, into report: inout SemanticReport) {
        guard let service = backend["service"] else { return }
        if let nameNode = service["name"], let name = nameNode.string, !name.isEmpty {
            let errors = NameSyntax.dns1035Label(name)
            if !errors.isEmpty {
                report.add(
                    .error, "semantic.invalid-backend",
                    FieldError.invalid("\(path()).service.name", name, errors.joined(separator: "; ")), at: nameNode)
            }
        }
        guard let portEntry = service.entry("port") else { return }
        let port = portEntry.value
        let nameNode = port["name"].flatMap { $0.string?.isEmpty == false ? $0 : nil }
        let numberNode = port["number"].flatMap { $0.int.map { $0 != 0 } == true ? $0 : nil }
        switch (nameNode, numberNode) {
        case (let nameNode?, _?):
            report.add(
                .error, "semantic.invalid-backend",
                FieldError.invalid("\(path()).service.port.name", nameNode.string ?? "", "cannot set both port name & port number"),
                at: nameNode)
        case (let nameNode?, nil):
            let name = nameNode.string ?? ""
            let errors = NameSyntax.portName(name)
            if !errors.isEmpty {
                report.add(
                    .error, "semantic.invalid-backend",
                    FieldError.invalid("\(path()).service.port.name", name, errors.joined(separator: "; ")), at: nameNode)
            }
        case (nil, let numberNode?):
            let number = numberNode.int ?? 0
            let errors = NameSyntax.portNumber(number)
            if !errors.isEmpty {
                report.add(
                    .error, "semantic.invalid-backend",
                    FieldError.invalid("\(path()).service.port.number", String(number), errors.joined(separator: "; ")),
                    at: numberNode)
            }
        case (nil, nil):
            report.add(
                .error, "semantic.invalid-backend",
                FieldError.required("\(path()).service.port", "port name or number is required"), at: portEntry.key)
        }
    }
}
