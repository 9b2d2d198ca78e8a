import KPlanCore
import KPlanSimulator
import KPlanValidation
import Testing

/// Service cluster IP and node port allocation: deterministic, honouring requests, refusing what the
/// API server refuses, keeping allocations on update.
@Suite struct AdmissionAllocationTests {
    static let defaulter = ObjectDefaulter(registry: try! SchemaRegistry.builtin())

    static func service(_ name: String, namespace: String = "default", spec: JSONValue) -> KubeObject {
        KubeObject(["apiVersion": "v1", "kind": "Service", "metadata": ["name": .string(name), "namespace": .string(namespace)], "spec": spec])
    }

    @Test func clusterIPsAreTheLowestFreeAfterTheReservedOne() throws {
        let allocator = ClusterIPAllocator.standard
        #expect(allocator.cidr == "10.96.0.0/12")
        #expect(try allocator.allocate(requested: nil, inUse: [], serviceName: "a") == "10.96.0.2")
        #expect(try allocator.allocate(requested: nil, inUse: ["10.96.0.2", "10.96.0.3"], serviceName: "a") == "10.96.0.4")
        #expect(try allocator.allocate(requested: nil, inUse: [], isKubernetesService: true, serviceName: "kubernetes") == "10.96.0.1")
        #expect(try allocator.allocate(requested: "10.111.255.254", inUse: [], serviceName: "a") == "10.111.255.254")
    }

    @Test func clusterIPRequestsOutsideTheRangeOrTakenAreInvalid() throws {
        let allocator = ClusterIPAllocator.standard
        let outside = try #require(throws: APIError.self) { try allocator.allocate(requested: "10.0.0.5", inUse: [], serviceName: "web") }
        #expect(outside.reason == .invalid)
        #expect(outside.message == "Service \"web\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.0.0.5\"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12")
        let taken = try #require(throws: APIError.self) { try allocator.allocate(requested: "10.96.0.9", inUse: ["10.96.0.9"], serviceName: "web") }
        #expect(taken.message == "Service \"web\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.9\"}: failed to allocate IP 10.96.0.9: provided IP is already allocated")
        #expect(taken.causes.map(\.field) == ["spec.clusterIPs"])
        let malformed = try #require(throws: APIError.self) { try allocator.allocate(requested: "10.96.0.300", inUse: [], serviceName: "web") }
        #expect(malformed.causes.map(\.field) == ["spec.clusterIPs[0]"])
    }

    @Test func nodePortsAreTheLowestFreeAndRequestsAreChecked() throws {
        let allocator = NodePortAllocator.standard
        var inUse: Set<Int> = [30000]
        #expect(try allocator.allocate(requested: nil, inUse: &inUse, field: "spec.ports[0].nodePort", serviceName: "web") == 30001)
        #expect(inUse == [30000, 30001])
        let taken = try #require(throws: APIError.self) {
            try allocator.allocate(requested: 30001, inUse: &inUse, field: "spec.ports[1].nodePort", serviceName: "web")
        }
        #expect(taken.message == "Service \"web\" is invalid: spec.ports[1].nodePort: Invalid value: 30001: provided port is already allocated")
        let outside = try #require(throws: APIError.self) {
            try allocator.allocate(requested: 40000, inUse: &inUse, field: "spec.ports[0].nodePort", serviceName: "web")
        }
        #expect(outside.message.hasSuffix("provided port is not in the valid range. The range of valid ports is 30000-32767"))
    }

    @Test func allocationSkipsEveryAddressInUseAcrossOctets() throws {
        let allocator = ClusterIPAllocator.standard
        let inUse = Set((2...265).map { "10.96.\($0 / 256).\($0 % 256)" })
        #expect(try allocator.allocate(requested: nil, inUse: inUse, serviceName: "web") == "10.96.1.10")
        #expect(try allocator.allocate(requested: nil, inUse: inUse, ownedBefore: ["10.96.0.200"], serviceName: "web") == "10.96.0.200")
        let other = ClusterIPAllocator(network: 0xC0A8_FF00, prefixLength: 24)
        #expect(other.cidr == "192.168.255.0/24")
        #expect(try other.allocate(requested: nil, inUse: [], isKubernetesService: true, serviceName: "kubernetes") == "192.168.255.1")
        #expect(try other.allocate(requested: nil, inUse: ["192.168.255.1"], isKubernetesService: true, serviceName: "kubernetes") == "192.168.255.2")
    }

    @Test func aServiceGetsAnAddressFamiliesAndNodePorts() throws {
        let context = AdmissionContext(serviceAddresses: ServiceAddressesInUse(clusterIPs: ["10.96.0.1", "10.96.0.2"], nodePorts: [30000]))
        let created = try Self.defaulter.admit(
            Self.service("web", spec: ["type": "NodePort", "selector": ["app": "web"], "ports": [["port": 80], ["port": 443, "nodePort": 30443]]]),
            operation: .create, context: context)
        #expect(created[path: "spec", "clusterIP"] == "10.96.0.3")
        #expect(created[path: "spec", "clusterIPs"] == ["10.96.0.3"])
        #expect(created[path: "spec", "ipFamilies"] == ["IPv4"])
        #expect(created[path: "spec", "ipFamilyPolicy"] == "SingleStack")
        #expect(created[path: "spec", "ports"]?.array?.map { $0["nodePort"] } == [30001, 30443])
    }

    @Test func headlessServicesWithoutSelectorRequireDualStack() throws {
        let created = try Self.defaulter.admit(Self.service("db", spec: ["clusterIP": "None"]), operation: .create, context: AdmissionContext())
        #expect(created[path: "spec", "clusterIPs"] == ["None"])
        #expect(created[path: "spec", "ipFamilyPolicy"] == "RequireDualStack")
    }

    @Test func externalNameServicesGetNoAddress() throws {
        let created = try Self.defaulter.admit(
            Self.service("up", spec: ["type": "ExternalName", "externalName": "example.com"]), operation: .create, context: AdmissionContext())
        #expect(created[path: "spec", "clusterIP"] == nil)
        #expect(created[path: "spec", "internalTrafficPolicy"] == nil)
        #expect(created[path: "spec", "sessionAffinity"] == "None")
    }

    @Test func anUpdateKeepsWhatWasAllocated() throws {
        let manifest = Self.service("web", spec: ["type": "NodePort", "ports": [["name": "http", "port": 80]]])
        let stored = try Self.defaulter.admit(manifest, operation: .create, context: AdmissionContext(serviceAddresses: ServiceAddressesInUse(clusterIPs: ["10.96.0.2"])))
        // The store counts this Service's own allocations as in use.
        let context = AdmissionContext(serviceAddresses: ServiceAddressesInUse(clusterIPs: ["10.96.0.2", "10.96.0.3"], nodePorts: [30000]))
        let updated = try Self.defaulter.admit(manifest, operation: .update(old: stored), context: context)
        #expect(updated[path: "spec", "clusterIP"] == stored[path: "spec", "clusterIP"])
        #expect(updated[path: "spec", "ports"]?.array?.first?["nodePort"] == 30000)
        #expect(updated[path: "status"] == stored[path: "status"])
    }

    /// An update that keeps the addresses its Service holds reads no other Service's; a create, or a
    /// NodePort update, does, and a failure to read them refuses it as the server's storage errors do.
    @Test func theAddressesInUseAreReadOnlyWhenAnAllocationNeedsThem() throws {
        let unreadable = AdmissionContext(serviceAddresses: ServiceAddressesInUse { () throws(APIError) in
            throw APIError(.internalError, "Internal error occurred: the state is unreadable")
        })
        let manifest = Self.service("web", spec: ["ports": [["name": "http", "port": 80]]])
        let created = try #require(throws: APIError.self) { try Self.defaulter.admit(manifest, operation: .create, context: unreadable) }
        #expect(created.reason == .internalError)
        let stored = try Self.defaulter.admit(manifest, operation: .create, context: AdmissionContext(serviceAddresses: ServiceAddressesInUse(clusterIPs: ["10.96.0.2"])))
        var changed = manifest
        changed[path: "spec", "ports"] = [["name": "http", "port": 81]]
        let updated = try Self.defaulter.admit(changed, operation: .update(old: stored), context: unreadable)
        #expect(updated[path: "spec", "clusterIP"] == "10.96.0.3")
        var nodePort = changed
        nodePort[path: "spec", "type"] = "NodePort"
        #expect(throws: APIError.self) { try Self.defaulter.admit(nodePort, operation: .update(old: stored), context: unreadable) }
    }

    @Test func changingTheTypeDropsWhatTheOldTypeNeeded() throws {
        let balancer = Self.service("web", spec: ["type": "LoadBalancer", "externalTrafficPolicy": "Local", "ports": [["port": 80]]])
        let stored = try Self.defaulter.admit(balancer, operation: .create, context: AdmissionContext())
        // As a server-side apply merges it: the new type over the stored object.
        var merged = stored
        merged[path: "spec", "type"] = "ClusterIP"
        merged[path: "spec", "externalTrafficPolicy"] = nil
        let updated = try Self.defaulter.admit(merged, operation: .update(old: stored), context: AdmissionContext(serviceAddresses: ServiceAddressesInUse(clusterIPs: ["10.96.0.2"])))
        #expect(updated[path: "spec", "ports"]?.array?.first?["nodePort"] == nil)
        #expect(updated[path: "spec", "healthCheckNodePort"] == nil)
        #expect(updated[path: "spec", "allocateLoadBalancerNodePorts"] == nil)
        #expect(updated[path: "spec", "clusterIP"] == stored[path: "spec", "clusterIP"])
        var external = stored
        external[path: "spec", "type"] = "ExternalName"
        external[path: "spec", "externalName"] = "example.com"
        let renamed = try Self.defaulter.admit(external, operation: .update(old: stored), context: AdmissionContext())
        #expect(renamed[path: "spec", "clusterIP"] == nil)
        #expect(renamed[path: "spec", "ipFamilies"] == nil)
        #expect(renamed[path: "spec", "externalTrafficPolicy"] == nil)
    }

    @Test func aLocalLoadBalancerGetsAHealthCheckPort() throws {
        let created = try Self.defaulter.admit(
            Self.service("lb", spec: ["type": "LoadBalancer", "externalTrafficPolicy": "Local", "ports": [["port": 80]]]),
            operation: .create, context: AdmissionContext())
        #expect(created[path: "spec", "ports"]?.array?.first?["nodePort"] == 30000)
        #expect(created[path: "spec", "healthCheckNodePort"] == 30001)
        #expect(created[path: "spec", "allocateLoadBalancerNodePorts"] == true)
    }
}
