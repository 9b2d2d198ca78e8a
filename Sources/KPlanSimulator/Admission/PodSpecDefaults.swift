import KPlanCore

/// The defaults Kubernetes' core/v1 `defaults.go` gives every pod spec, whether of a Pod or of a
/// template: the spec's own fields, its containers (image pull policy by tag, termination message,
/// ports, probes, lifecycle hooks, env field references) and its volumes.
enum PodSpecDefaults {
    /// The default volume mode (0644) of secret, configMap, downwardAPI and projected volumes.
    static let defaultMode: JSONValue = 420

    /// Applies the pod spec defaults to `spec` (an object). `isPod` says whether it is a Pod's own
    /// spec: since Kubernetes 1.28 only a Pod's host-network containers get host ports defaulted.
    static func apply(to spec: inout JSONValue, isPod: Bool) {
        spec.setDefaultString("dnsPolicy", "ClusterFirst")
        spec.setDefaultString("restartPolicy", "Always")
        spec.setDefault("securityContext", .object([:]))
        spec.setDefault("terminationGracePeriodSeconds", 30)
        spec.setDefaultString("schedulerName", "default-scheduler")
        defaultServiceAccountAlias(&spec)
        let hostNetwork = isPod && spec["hostNetwork"]?.bool == true
        for key in ["initContainers", "containers", "ephemeralContainers"] {
            spec.editItems(key) { container in
                applyContainer(to: &container, hostNetwork: hostNetwork && key != "ephemeralContainers")
            }
        }
        spec.editItems("volumes", applyVolume)
    }

    /// `serviceAccount` is the deprecated alias of `serviceAccountName`: the server reads either and
    /// writes both.
    private static func defaultServiceAccountAlias(_ spec: inout JSONValue) {
        if let name = spec["serviceAccountName"]?.string, !name.isEmpty {
            spec["serviceAccount"] = .string(name)
        } else if let name = spec["serviceAccount"]?.string, !name.isEmpty {
            spec["serviceAccountName"] = .string(name)
        }
    }

    private static func applyContainer(to container: inout JSONValue, hostNetwork: Bool) {
        if container.isUnset("imagePullPolicy") {
            let tag = imageTag(container["image"]?.string ?? "")
            container["imagePullPolicy"] = .string(tag == "latest" ? "Always" : "IfNotPresent")
        }
        container.setDefault("resources", .object([:]))
        container.setDefaultString("terminationMessagePath", "/dev/termination-log")
        container.setDefaultString("terminationMessagePolicy", "File")
        container.editItems("ports") { port in
            port.setDefaultString("protocol", "TCP")
            if hostNetwork, port["hostPort"]?.int ?? 0 == 0, let number = port["containerPort"] {
                port["hostPort"] = number
            }
        }
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
            container.edit(probe, applyProbe)
        }
        container.edit("lifecycle") { lifecycle in
            for hook in ["postStart", "preStop"] {
                lifecycle.edit(hook) { $0.edit("httpGet", applyHTTPGet) }
            }
        }
        container.editItems("env") { variable in
            variable.edit("valueFrom") { source in
                source.edit("fieldRef") { $0.setDefaultString("apiVersion", "v1") }
                source.edit("resourceFieldRef", applyResourceFieldRef)
            }
        }
    }

    private static func applyProbe(_ probe: inout JSONValue) {
        probe.setDefault("timeoutSeconds", 1)
        probe.setDefault("periodSeconds", 10)
        probe.setDefault("successThreshold", 1)
        probe.setDefault("failureThreshold", 3)
        probe.edit("httpGet", applyHTTPGet)
    }

    private static func applyHTTPGet(_ action: inout JSONValue) {
        action.setDefaultString("path", "/")
        action.setDefaultString("scheme", "HTTP")
    }

    /// The tag Kubernetes reads from an image reference: `latest` when there is neither tag nor
    /// digest, `""` for a digest without a tag.
    static func imageTag(_ image: String) -> String {
        let parts = image.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0]
        let lastComponent = name.split(separator: "/", omittingEmptySubsequences: false).last ?? name
        if let colon = lastComponent.lastIndex(of: ":") {
            return String(lastComponent[lastComponent.index(after: colon)...])
        }
        return parts.count > 1 ? "" : "latest"
    }

    private static func applyVolume(_ volume: inout JSONValue) {
        if (volume.object ?? [:]).keys.allSatisfy({ $0 == "name" }) {
            volume["emptyDir"] = .object([:])
        }
        for source in ["secret", "configMap"] {
            volume.edit(source) { $0.setDefault("defaultMode", defaultMode) }
        }
        volume.edit("downwardAPI") { downward in
            downward.setDefault("defaultMode", defaultMode)
            downward.editItems("items", applyDownwardAPIItem)
        }
        volume.edit("projected") { projected in
            projected.setDefault("defaultMode", defaultMode)
            projected.editItems("sources") { source in
                source.edit("downwardAPI") { $0.editItems("items", applyDownwardAPIItem) }
                source.edit("serviceAccountToken") { $0.setDefault("expirationSeconds", 3600) }
            }
        }
        volume.edit("hostPath") { $0.setDefault("type", "") }
        volume.edit("image") { image in
            if image.isUnset("pullPolicy") {
                image["pullPolicy"] = imageTag(image["reference"]?.string ?? "") == "latest" ? "Always" : "IfNotPresent"
            }
        }
        volume.edit("iscsi") { $0.setDefaultString("iscsiInterface", "default") }
        volume.edit("rbd") { rbd in
            rbd.setDefaultString("pool", "rbd")
            rbd.setDefaultString("user", "admin")
            rbd.setDefaultString("keyring", "/etc/ceph/keyring")
        }
        volume.edit("azureDisk") { disk in
            disk.setDefaultString("cachingMode", "ReadWrite")
            disk.setDefaultString("fsType", "ext4")
            disk.setDefault("readOnly", false)
            disk.setDefaultString("kind", "Shared")
        }
        volume.edit("ephemeral") { ephemeral in
            ephemeral.edit("volumeClaimTemplate") { template in
                template.edit("spec", StorageDefaults.applyClaimSpec)
            }
        }
    }

    private static func applyDownwardAPIItem(_ item: inout JSONValue) {
        item.edit("fieldRef") { $0.setDefaultString("apiVersion", "v1") }
        item.edit("resourceFieldRef", applyResourceFieldRef)
    }

    /// A resource field reference's divisor is a Quantity struct, never omitted: `"0"` when unset.
    private static func applyResourceFieldRef(_ reference: inout JSONValue) {
        reference.setDefault("divisor", "0")
    }

}
