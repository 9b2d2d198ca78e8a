import KPlanCore

/// core/v1 `SetDefaults_Service`: type ClusterIP, no session affinity (or ClientIP for three hours),
/// TCP ports whose target port is the port, Cluster traffic policies, load-balancer node ports.
enum ServiceDefaults {
    /// Applies the Service defaults to `service`.
    static func apply(to service: inout JSONValue) {
        service.edit("spec", create: true) { spec in
            spec.setDefaultString("sessionAffinity", "None")
            switch spec["sessionAffinity"]?.string {
            case "None":
                spec["sessionAffinityConfig"] = nil
            case "ClientIP":
                if spec[path: "sessionAffinityConfig", "clientIP", "timeoutSeconds"] == nil {
                    spec["sessionAffinityConfig"] = ["clientIP": ["timeoutSeconds": 10800]]
                }
            default:
                break
            }
            spec.setDefaultString("type", "ClusterIP")
            spec.editItems("ports") { port in
                port.setDefaultString("protocol", "TCP")
                let target = port["targetPort"]
                if target == nil || target?.isNull == true || target?.int == 0 || target?.string == "" {
                    port["targetPort"] = port["port"]
                }
            }
            let type = spec["type"]?.string ?? ""
            let external = type == "NodePort" || type == "LoadBalancer"
            if external { spec.setDefaultString("externalTrafficPolicy", "Cluster") }
            if external || type == "ClusterIP" { spec.setDefault("internalTrafficPolicy", "Cluster") }
            if type == "LoadBalancer" { spec.setDefault("allocateLoadBalancerNodePorts", true) }
        }
    }
}
