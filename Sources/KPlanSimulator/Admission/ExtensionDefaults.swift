import KPlanCore

/// Defaults of the kinds that extend the cluster: CustomResourceDefinitions, admission webhook
/// configurations, CSI drivers and IngressClasses.
enum ExtensionDefaults {
    /// CustomResourceDefinition: no conversion, the singular and list names derived from the kind,
    /// webhook services on port 443.
    static func applyCustomResourceDefinition(_ crd: inout JSONValue) {
        crd.edit("spec", create: true) { spec in
            spec.edit("conversion", create: true) { conversion in
                conversion.setDefaultString("strategy", "None")
                conversion.edit("webhook") { webhook in
                    webhook.edit("clientConfig") { $0.edit("service") { $0.setDefault("port", 443) } }
                }
            }
            spec.edit("names", create: true) { names in
                let kind = names["kind"]?.string ?? ""
                names.setDefaultString("singular", kind.lowercased())
                names.setDefaultString("listKind", kind + "List")
            }
        }
    }

    /// The status a CRD starts with: no accepted names yet, no conditions, its storage version stored;
    /// on update the stored versions gain the new storage version.
    static func customResourceDefinitionStatus(_ crd: JSONValue, old: JSONValue?) -> JSONValue {
        let storage = crd[path: "spec", "versions"]?.array?.first { $0["storage"]?.bool == true }?["name"]
        guard let old = old?["status"] else {
            return ["acceptedNames": ["kind": "", "plural": ""], "conditions": nil,
                    "storedVersions": .array(storage.map { [$0] } ?? [])]
        }
        var status = old
        var stored = status["storedVersions"]?.array ?? []
        if let storage, !stored.contains(storage) { stored.append(storage) }
        status["storedVersions"] = .array(stored)
        return status
    }

    /// ValidatingWebhookConfiguration and MutatingWebhookConfiguration: fail closed, equivalent
    /// matching, empty selectors, a 10s timeout, rules of any scope, services on port 443; mutating
    /// webhooks are not reinvoked.
    static func applyWebhookConfiguration(_ configuration: inout JSONValue, mutating: Bool) {
        configuration.editItems("webhooks") { webhook in
            webhook.setDefaultString("failurePolicy", "Fail")
            webhook.setDefaultString("matchPolicy", "Equivalent")
            webhook.setDefault("namespaceSelector", .object([:]))
            webhook.setDefault("objectSelector", .object([:]))
            webhook.setDefault("timeoutSeconds", 10)
            if mutating { webhook.setDefaultString("reinvocationPolicy", "Never") }
            webhook.editItems("rules") { $0.setDefaultString("scope", "*") }
            webhook.edit("clientConfig") { $0.edit("service") { $0.setDefault("port", 443) } }
        }
    }

    /// CSIDriver: attach required, no pod info on mount, no capacity tracking, fsGroup for RWO volumes
    /// with an fsType, persistent volumes only, no republishing, no SELinux mount.
    static func applyCSIDriver(_ driver: inout JSONValue) {
        driver.edit("spec", create: true) { spec in
            spec.setDefault("attachRequired", true)
            spec.setDefault("podInfoOnMount", false)
            spec.setDefault("storageCapacity", false)
            spec.setDefaultString("fsGroupPolicy", "ReadWriteOnceWithFSType")
            if spec.isUnset("volumeLifecycleModes") { spec["volumeLifecycleModes"] = ["Persistent"] }
            spec.setDefault("requiresRepublish", false)
            spec.setDefault("seLinuxMount", false)
        }
    }

    /// IngressClass: parameters are cluster-scoped unless said otherwise.
    static func applyIngressClass(_ ingressClass: inout JSONValue) {
        ingressClass.edit("spec") { spec in
            spec.edit("parameters") { $0.setDefaultString("scope", "Cluster") }
        }
    }
}
