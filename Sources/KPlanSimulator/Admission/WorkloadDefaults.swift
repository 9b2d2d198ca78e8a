import KPlanCore

/// The apps/v1, batch/v1 and core/v1 defaults of the workload controllers and pod templates: their
/// own fields (replicas, strategies, history limits, Job and CronJob policies) and their pod template.
enum WorkloadDefaults {
    /// Deployment: one replica, a 25%/25% rolling update, 10 old ReplicaSets kept, 600s to progress.
    static func applyDeployment(_ object: inout JSONValue) {
        object.edit("spec", create: true) { spec in
            spec.setDefault("replicas", 1)
            spec.edit("strategy", create: true) { strategy in
                strategy.setDefaultString("type", "RollingUpdate")
                guard strategy["type"]?.string == "RollingUpdate" else { return }
                strategy.edit("rollingUpdate", create: true) { rollingUpdate in
                    rollingUpdate.setDefault("maxUnavailable", "25%")
                    rollingUpdate.setDefault("maxSurge", "25%")
                }
            }
            spec.setDefault("revisionHistoryLimit", 10)
            spec.setDefault("progressDeadlineSeconds", 600)
            applyTemplate(in: &spec)
        }
    }

    /// ReplicaSet: one replica.
    static func applyReplicaSet(_ object: inout JSONValue) {
        object.edit("spec", create: true) { spec in
            spec.setDefault("replicas", 1)
            applyTemplate(in: &spec)
        }
    }

    /// StatefulSet: one replica, ordered pod management, a rolling update from partition 0, PVCs
    /// retained, 10 revisions kept; claim templates get PersistentVolumeClaim defaults.
    static func applyStatefulSet(_ object: inout JSONValue) {
        object.edit("spec", create: true) { spec in
            spec.setDefaultString("podManagementPolicy", "OrderedReady")
            spec.edit("updateStrategy", create: true) { strategy in
                if strategy.isUnset("type") {
                    strategy["type"] = "RollingUpdate"
                    strategy.setDefault("rollingUpdate", .object([:]))
                }
                guard strategy["type"]?.string == "RollingUpdate" else { return }
                strategy.edit("rollingUpdate") { $0.setDefault("partition", 0) }
            }
            spec.edit("persistentVolumeClaimRetentionPolicy", create: true) { policy in
                policy.setDefaultString("whenDeleted", "Retain")
                policy.setDefaultString("whenScaled", "Retain")
            }
            spec.setDefault("replicas", 1)
            spec.setDefault("revisionHistoryLimit", 10)
            spec.editItems("volumeClaimTemplates") { claim in
                claim.setDefaultString("apiVersion", "v1")
                claim.setDefaultString("kind", "PersistentVolumeClaim")
                claim.edit("spec", create: true, StorageDefaults.applyClaimSpec)
                claim.edit("status", create: true) { $0.setDefaultString("phase", "Pending") }
            }
            applyTemplate(in: &spec)
        }
    }

    /// DaemonSet: a rolling update replacing one pod at a time without surge, 10 revisions kept.
    static func applyDaemonSet(_ object: inout JSONValue) {
        object.edit("spec", create: true) { spec in
            spec.edit("updateStrategy", create: true) { strategy in
                strategy.setDefaultString("type", "RollingUpdate")
                guard strategy["type"]?.string == "RollingUpdate" else { return }
                strategy.edit("rollingUpdate", create: true) { rollingUpdate in
                    rollingUpdate.setDefault("maxUnavailable", 1)
                    rollingUpdate.setDefault("maxSurge", 0)
                }
            }
            spec.setDefault("revisionHistoryLimit", 10)
            applyTemplate(in: &spec)
        }
    }

    /// Job: completions and parallelism 1 when neither is set, 6 retries (unlimited per index), not
    /// suspended, non-indexed, pods replaced once terminating or failed; labels from the template
    /// when it has none.
    static func applyJob(_ object: inout JSONValue) {
        let templateLabels = object[path: "spec", "template", "metadata", "labels"]
        object.edit("spec", create: true) { spec in
            if spec.isUnset("completions") && spec.isUnset("parallelism") {
                spec["completions"] = 1
                spec["parallelism"] = 1
            }
            spec.setDefault("parallelism", 1)
            spec.setDefault("backoffLimit", spec.isUnset("backoffLimitPerIndex") ? 6 : .int(Int64(Int32.max)))
            spec.setDefault("completionMode", "NonIndexed")
            spec.setDefault("suspend", false)
            spec.edit("podFailurePolicy") { policy in
                policy.editItems("rules") { rule in
                    rule.editItems("onPodConditions") { $0.setDefaultString("status", "True") }
                }
            }
            spec.setDefault("podReplacementPolicy", spec.isUnset("podFailurePolicy") ? "TerminatingOrFailed" : "Failed")
            applyTemplate(in: &spec)
        }
        if let templateLabels, templateLabels.object != nil, object[path: "metadata"]?.isUnset("labels") ?? true {
            object.set(templateLabels, at: ["metadata", "labels"])
        }
    }

    /// The Job strategy's `generateSelector`, run on create unless `manualSelector` is true: template
    /// labels naming the Job and its uid (the legacy and the `batch.kubernetes.io/` forms), and a
    /// selector on the uid. `labelsFromTemplate` says the Job's own labels were defaulted from the
    /// template's: the server's Job then shares one label map with its template (Go aliasing), so
    /// the generated labels show on the Job too.
    static func generateJobSelector(_ object: inout JSONValue, uid: String, labelsFromTemplate: Bool) {
        guard object[path: "spec", "manualSelector"]?.bool != true else { return }
        let name = object[path: "metadata", "name"]?.string ?? ""
        object.edit("spec", create: true) { spec in
            generateSelector(in: &spec, name: name, uid: uid)
        }
        if labelsFromTemplate, let labels = object[path: "spec", "template", "metadata", "labels"] {
            object.set(labels, at: ["metadata", "labels"])
        }
    }

    private static func generateSelector(in spec: inout JSONValue, name: String, uid: String) {
        spec.edit("template", create: true) { template in
            template.edit("metadata", create: true) { metadata in
                metadata.edit("labels", create: true) { labels in
                    labels.setDefault("job-name", .string(name))
                    labels.setDefault("batch.kubernetes.io/job-name", .string(name))
                    labels.setDefault("controller-uid", .string(uid))
                    labels.setDefault("batch.kubernetes.io/controller-uid", .string(uid))
                }
            }
        }
        spec.edit("selector", create: true) { selector in
            selector.edit("matchLabels", create: true) { $0.setDefault("batch.kubernetes.io/controller-uid", .string(uid)) }
        }
    }

    /// CronJob: concurrent runs allowed, not suspended, 3 successful and 1 failed Job kept; only the
    /// job template's pod template is defaulted (a JobSpec has no defaults of its own).
    static func applyCronJob(_ object: inout JSONValue) {
        object.edit("spec", create: true) { spec in
            spec.setDefaultString("concurrencyPolicy", "Allow")
            spec.setDefault("suspend", false)
            spec.setDefault("successfulJobsHistoryLimit", 3)
            spec.setDefault("failedJobsHistoryLimit", 1)
            spec.edit("jobTemplate") { jobTemplate in
                jobTemplate.setDefault("metadata", .object([:]))
                jobTemplate.edit("spec") { applyTemplate(in: &$0) }
            }
        }
    }

    /// ReplicationController: one replica; selector and labels from the template when unset.
    static func applyReplicationController(_ object: inout JSONValue) {
        let templateLabels = object[path: "spec", "template", "metadata", "labels"]
        object.edit("spec", create: true) { spec in
            if let templateLabels, templateLabels.object != nil, spec.isUnset("selector") {
                spec["selector"] = templateLabels
            }
            spec.setDefault("replicas", 1)
            applyTemplate(in: &spec)
        }
        if let templateLabels, templateLabels.object != nil, object[path: "metadata"]?.isUnset("labels") ?? true {
            object.set(templateLabels, at: ["metadata", "labels"])
        }
    }

    /// The DaemonSet strategy's template generation annotation: 1 on create, then one more each time
    /// an update changes the pod template.
    static func applyTemplateGeneration(_ object: inout JSONValue, old: JSONValue?) {
        let key = "deprecated.daemonset.template.generation"
        var generation: Int64 = 1
        if let old {
            generation = Int64(old[path: "metadata", "annotations", key]?.string ?? "") ?? 1
            if old[path: "spec", "template"] != object[path: "spec", "template"] { generation += 1 }
        }
        object.edit("metadata", create: true) { metadata in
            metadata.edit("annotations", create: true) { $0[key] = .string(String(generation)) }
        }
    }

    /// PodTemplate: its template's pod spec.
    static func applyPodTemplate(_ object: inout JSONValue) {
        applyTemplate(in: &object)
    }

    /// The pod spec defaults inside member `template` of `holder`, when there is a template. Its
    /// `metadata` is always written (a Go struct, never omitted; `{}` once Kubernetes 1.33 stopped
    /// writing `creationTimestamp: null`).
    private static func applyTemplate(in holder: inout JSONValue) {
        holder.edit("template") { template in
            template.setDefault("metadata", .object([:]))
            template.edit("spec", create: true) { PodSpecDefaults.apply(to: &$0, isPod: false) }
        }
    }
}
