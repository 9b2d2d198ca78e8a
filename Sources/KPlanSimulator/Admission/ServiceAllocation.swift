import KPlanCore

/// What the Service REST storage adds after defaulting: a cluster IP and IP family fields, node
/// ports for NodePort and LoadBalancer Services, a health-check node port for a LoadBalancer with a
/// Local traffic policy. On update, values allocated before are kept when the new object leaves
/// them out (Kubernetes' `patchAllocatedValues`), so re-sending the same manifest succeeds.
struct ServiceAllocation {
    var clusterIPs: ClusterIPAllocator
    var nodePorts: NodePortAllocator
    /// Cluster IPs and node ports held by Services (this one's own, if stored, included).
    var inUse: ServiceAddressesInUse

    /// Allocates for `service` (defaults already applied); `old` is the stored Service on update.
    func apply(to service: inout JSONValue, old: JSONValue?) throws(APIError) {
        let name = service[path: "metadata", "name"]?.string ?? ""
        let namespace = service[path: "metadata", "namespace"]?.string ?? ""
        guard var spec = service["spec"], spec.object != nil else { return }
        let type = spec["type"]?.string ?? ""
        let oldSpec = old?["spec"]
        if let oldSpec { Self.dropTypeDependentFields(in: &spec, old: oldSpec) }
        guard type != "ExternalName" else {
            service["spec"] = spec
            return
        }
        if let oldSpec {
            Self.patchAllocatedValues(into: &spec, from: oldSpec,
                                      nodePorts: Self.needsNodePorts(spec) && Self.needsNodePorts(oldSpec))
        }

        let requested = spec["clusterIPs"]?.array?.first?.string ?? spec["clusterIP"]?.string ?? ""
        let headless = requested == "None"
        if headless {
            spec["clusterIP"] = "None"
            spec["clusterIPs"] = ["None"]
        } else {
            let owned = Set(oldSpec?["clusterIPs"]?.array?.compactMap(\.string) ?? [])
            // An address the Service holds already is its own whoever else is read.
            let held = !requested.isEmpty && owned.contains(requested) ? [] : try inUse.clusterIPs()
            let address = try clusterIPs.allocate(
                requested: requested, inUse: held, ownedBefore: owned,
                isKubernetesService: name == "kubernetes" && namespace == "default", serviceName: name)
            spec["clusterIP"] = .string(address)
            spec["clusterIPs"] = [.string(address)]
        }
        if spec.isUnset("ipFamilyPolicy") {
            let selectorless = spec.isUnset("selector")
            spec["ipFamilyPolicy"] = headless && selectorless ? "RequireDualStack" : "SingleStack"
        }
        if spec.isUnset("ipFamilies") { spec["ipFamilies"] = ["IPv4"] }

        let needsNodePorts = Self.needsNodePorts(spec)
        let needsHealthCheckPort = type == "LoadBalancer" && spec["externalTrafficPolicy"]?.string == "Local"
        guard needsNodePorts || needsHealthCheckPort else {
            service["spec"] = spec
            return
        }
        var portsInUse = try inUse.nodePorts()
        for own in Self.nodePorts(of: oldSpec) { portsInUse.remove(own) }
        if needsNodePorts, var ports = spec["ports"]?.array {
            for index in ports.indices where ports[index].object != nil {
                let requestedPort = ports[index]["nodePort"]?.int.map(Int.init)
                let port = try nodePorts.allocate(requested: requestedPort, inUse: &portsInUse,
                                                  field: "spec.ports[\(index)].nodePort", serviceName: name)
                ports[index]["nodePort"] = .int(Int64(port))
            }
            spec["ports"] = .array(ports)
        }
        if needsHealthCheckPort {
            let requestedPort = spec["healthCheckNodePort"]?.int.map(Int.init)
            let port = try nodePorts.allocate(requested: requestedPort, inUse: &portsInUse,
                                              field: "spec.healthCheckNodePort", serviceName: name)
            spec["healthCheckNodePort"] = .int(Int64(port))
        }
        service["spec"] = spec
    }

    /// The Service strategy's `dropTypeDependentFields`: after a type change, what the old type had
    /// allocated or defaulted and the new one does not use is cleared, when the update left it as it
    /// was (an apply that changes the type need not remove them by hand).
    private static func dropTypeDependentFields(in spec: inout JSONValue, old: JSONValue) {
        guard spec["type"] != old["type"] else { return }
        let type = spec["type"]?.string ?? ""
        if type == "ExternalName" {
            for key in ["clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy", "internalTrafficPolicy"] where spec[key] == old[key] {
                spec[key] = nil
            }
        }
        if !needsNodePorts(spec) && needsNodePorts(old) {
            let oldPorts = old["ports"]?.array ?? []
            if var ports = spec["ports"]?.array {
                for index in ports.indices where index < oldPorts.count && ports[index]["nodePort"] == oldPorts[index]["nodePort"] {
                    ports[index]["nodePort"] = nil
                }
                spec["ports"] = .array(ports)
            }
        }
        let external = type == "NodePort" || type == "LoadBalancer"
        if !external, spec["externalTrafficPolicy"] == old["externalTrafficPolicy"] { spec["externalTrafficPolicy"] = nil }
        if type != "LoadBalancer" {
            for key in ["healthCheckNodePort", "allocateLoadBalancerNodePorts", "loadBalancerClass"] where spec[key] == old[key] {
                spec[key] = nil
            }
        }
    }

    /// Whether a Service of this spec gets node ports: NodePort, and LoadBalancer unless it opts out.
    private static func needsNodePorts(_ spec: JSONValue) -> Bool {
        switch spec["type"]?.string {
        case "NodePort": true
        case "LoadBalancer": spec["allocateLoadBalancerNodePorts"]?.bool != false
        default: false
        }
    }

    /// Every node port `spec` holds (its ports' and the health-check one).
    private static func nodePorts(of spec: JSONValue?) -> [Int] {
        var ports = (spec?["ports"]?.array ?? []).compactMap { $0["nodePort"]?.int }.map(Int.init)
        if let healthCheck = spec?["healthCheckNodePort"]?.int { ports.append(Int(healthCheck)) }
        return ports.filter { $0 != 0 }
    }

    /// Values the old Service had allocated and the new one leaves unset: cluster IPs, IP families,
    /// node ports (matched by port name, unless another port now uses the value), the health-check port.
    private static func patchAllocatedValues(into spec: inout JSONValue, from old: JSONValue, nodePorts: Bool) {
        if spec.isUnset("clusterIP") && spec.isUnset("clusterIPs"), let ips = old["clusterIPs"] {
            spec["clusterIPs"] = ips
            spec["clusterIP"] = old["clusterIP"]
        }
        if spec.isUnset("ipFamilies"), let families = old["ipFamilies"] { spec["ipFamilies"] = families }
        if spec.isUnset("ipFamilyPolicy"), let policy = old["ipFamilyPolicy"] { spec["ipFamilyPolicy"] = policy }
        guard nodePorts else { return }
        let newPorts = Set((spec["ports"]?.array ?? []).compactMap { $0["nodePort"]?.int })
        var oldByName: [String: Int64] = [:]
        for port in old["ports"]?.array ?? [] {
            if let nodePort = port["nodePort"]?.int { oldByName[port["name"]?.string ?? ""] = nodePort }
        }
        spec.editItems("ports") { port in
            guard port["nodePort"]?.int ?? 0 == 0, let previous = oldByName[port["name"]?.string ?? ""],
                  !newPorts.contains(previous)
            else { return }
            port["nodePort"] = .int(previous)
        }
        if spec["healthCheckNodePort"]?.int ?? 0 == 0, let previous = old["healthCheckNodePort"] {
            spec["healthCheckNodePort"] = previous
        }
    }
}
