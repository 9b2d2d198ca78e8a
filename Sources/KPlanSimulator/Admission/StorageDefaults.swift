import KPlanCore

/// The storage defaults: PersistentVolumeClaims (Filesystem volume mode, the default StorageClass
/// through the DefaultStorageClass plugin), PersistentVolumes (Retain, Filesystem) and
/// StorageClasses (Delete, Immediate binding).
enum StorageDefaults {
    /// A claim spec (of a PVC, a claim template or an ephemeral volume): Filesystem volume mode.
    static func applyClaimSpec(_ spec: inout JSONValue) {
        spec.setDefaultString("volumeMode", "Filesystem")
    }

    /// PersistentVolumeClaim: claim spec defaults, and the default StorageClass when the claim names
    /// none (the DefaultStorageClass plugin; a claim with `storageClassName: ""` opts out).
    static func applyClaim(_ claim: inout JSONValue, defaultStorageClass: String?) {
        claim.edit("spec", create: true) { spec in
            applyClaimSpec(&spec)
            if let defaultStorageClass, spec["storageClassName"] == nil || spec["storageClassName"]?.isNull == true,
               spec[path: "selector"] == nil {
                spec["storageClassName"] = .string(defaultStorageClass)
            }
        }
    }

    /// The StorageObjectInUseProtection plugin: claims and volumes get their protection finalizer on
    /// create (`kubernetes.io/pvc-protection`, `kubernetes.io/pv-protection`).
    static func applyProtectionFinalizer(_ object: inout JSONValue, finalizer: String) {
        var finalizers = object[path: "metadata", "finalizers"]?.array ?? []
        guard !finalizers.contains(.string(finalizer)) else { return }
        finalizers.append(.string(finalizer))
        object.set(.array(finalizers), at: ["metadata", "finalizers"])
    }

    /// PersistentVolume: Retain, Filesystem; a hostPath source's type unset (`""`).
    static func applyVolume(_ volume: inout JSONValue) {
        volume.edit("spec", create: true) { spec in
            spec.edit("hostPath") { $0.setDefault("type", "") }
            spec.setDefaultString("persistentVolumeReclaimPolicy", "Retain")
            spec.setDefaultString("volumeMode", "Filesystem")
        }
    }

    /// StorageClass: volumes deleted with their claims, bound immediately.
    static func applyStorageClass(_ storageClass: inout JSONValue) {
        storageClass.setDefaultString("reclaimPolicy", "Delete")
        storageClass.setDefaultString("volumeBindingMode", "Immediate")
    }
}
