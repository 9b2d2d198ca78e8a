import KPlanCore

/// A workload's selector: present where required, not empty, and matching its pod template's labels.
enum SelectorCheck {
    /// Checks Deployments, ReplicaSets, StatefulSets, DaemonSets (apps), Jobs and ReplicationControllers.
    static func check(_ resource: Resource, into report: inout SemanticReport) {
        // The kind's length first: a switch over strings compares with each case in turn, a call each.
        let kind = resource.gvk.kind
        let group = resource.gvk.group
        switch kind.utf8.count {
        case 10 where group == "apps" && (kind == "Deployment" || kind == "ReplicaSet"):
            checkRequiredSelector(resource, emptyMessage: "empty selector is invalid for deployment", into: &report)
        case 11 where group == "apps" && kind == "StatefulSet":
            checkRequiredSelector(resource, emptyMessage: "empty selector is invalid for statefulset", into: &report)
        case 9 where group == "apps" && kind == "DaemonSet":
            checkRequiredSelector(
                resource, emptyMessage: "empty selector is invalid for daemonset",
                missingDetail: "a DaemonSet without a selector matches no pods, so the API server reports that "
                    + "`selector` does not match template `labels`",
                into: &report)
        case 3 where group == "batch" && kind == "Job":
            checkJob(resource, into: &report)
        case 21 where group.isEmpty && kind == "ReplicationController":
            checkReplicationController(resource, into: &report)
        default:
            return
        }
    }

    /// apps/v1: the selector is required, may not be empty, and must match the template.
    private static func checkRequiredSelector(
        _ resource: Resource, emptyMessage: String, missingDetail: String = "", into report: inout SemanticReport
    ) {
        guard let spec = resource.node.entry("spec") else { return }
        // An absent selector is the schema's `required` finding; only an explicit null is reported here.
        guard let selectorEntry = spec.value.entry("selector") else { return }
        guard let selector = spec.value["selector"], !selector.isNull else {
            report.add(
                .error, "semantic.missing-selector", FieldError.required("spec.selector", missingDetail),
                at: selectorEntry.key)
            return
        }
        guard let parsed = LabelSelector.read(selector, path: "spec.selector", into: &report) else { return }
        if parsed.isEmpty {
            report.add(.error, "semantic.empty-selector", "spec.selector: Invalid value: \(emptyMessage)", at: selector)
            return
        }
        checkMatch(parsed, selector: selector, templatePath: "spec.template", resource: resource, into: &report)
    }

    /// batch/v1: without `manualSelector: true` the API server generates the selector and rejects a
    /// hand-written one; with it, the selector is required and must match the template.
    private static func checkJob(_ resource: Resource, into report: inout SemanticReport) {
        guard let spec = resource.node.entry("spec") else { return }
        let selector = spec.value["selector"].flatMap { $0.isNull ? nil : $0 }
        if spec.value["manualSelector"]?.bool == true {
            guard let selector else {
                report.add(
                    .error, "semantic.missing-selector",
                    FieldError.required("spec.selector", "required when `manualSelector` is true"),
                    at: spec.value.entry("manualSelector")?.key ?? spec.key)
                return
            }
            guard let parsed = LabelSelector.read(selector, path: "spec.selector", into: &report) else { return }
            checkMatch(parsed, selector: selector, templatePath: "spec.template", resource: resource, into: &report)
            return
        }
        guard let selector, let parsed = LabelSelector.read(selector, path: "spec.selector", into: &report),
            !parsed.isEmpty
        else { return }
        report.add(
            .error, "semantic.job-selector-not-generated",
            "spec.selector: Invalid value: `selector` not auto-generated (the API server generates a Job's selector; "
                + "set spec.manualSelector: true to use your own)",
            at: selector)
    }

    /// v1 ReplicationController: a map selector, defaulted from the template labels when absent.
    private static func checkReplicationController(_ resource: Resource, into report: inout SemanticReport) {
        guard let selector = resource.node["spec"]?["selector"], let entries = selector.entries, !entries.isEmpty
        else { return }
        let before = report.diagnostics.count
        MetadataCheck.checkLabels(selector, path: "spec.selector", into: &report)
        guard report.diagnostics.count == before else { return }
        let parsed = LabelSelector(
            requirements: entries.map {
                LabelSelector.Requirement(key: $0.name, op: .in, values: [MetadataCheck.labelText($0.value) ?? ""])
            })
        checkMatch(parsed, selector: selector, templatePath: "spec.template", resource: resource, into: &report)
    }

    /// Reports a selector that does not match the labels of the template at `templatePath`.
    private static func checkMatch(
        _ parsed: LabelSelector, selector: Node, templatePath: String, resource: Resource,
        into report: inout SemanticReport
    ) {
        guard let template = resource.node["spec"]?["template"] else { return }
        let labelsEntry = template["metadata"]?.entry("labels")
        // Each requirement looks its label up in the template's mapping (the last of duplicate keys, as
        // a decoded map keeps), instead of every label being hashed into a dictionary first.
        let labels = labelsEntry?.value
        let failing = parsed.requirements.filter { requirement in
            !requirement.matches(value: labels?[requirement.key].map { MetadataCheck.labelText($0) ?? "" })
        }
        guard !failing.isEmpty else { return }
        let note: Diagnostic.Note
        if let labelsEntry {
            note = report.note("the template's labels are here", at: labelsEntry.key)
        } else {
            note = report.note("the template has no labels", at: resource.node["spec"]?.entry("template")?.key ?? template)
        }
        report.add(
            .error, "semantic.selector-mismatch",
            "spec.selector: `selector` does not match template `labels` (\(templatePath).metadata.labels fail "
                + failing.map(\.description).joined(separator: ", ") + ")",
            at: selector, notes: [note])
    }
}
