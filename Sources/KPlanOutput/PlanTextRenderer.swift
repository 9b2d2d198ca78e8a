import KPlanCore
import KPlanDiff
import KPlanYAML

/// The plan as `kplan diff` and `kplan plan` print it: per wave a header, per changed object a header
/// line and a unified diff of its YAML (live → planned, 3 lines of context) — or, with the `.fields` style, the
/// field paths added (`+`), modified (`~`) and removed (`-`) — and the summary line last.
///
/// ```
/// Wave 1/2: Namespace
///
/// + create Namespace prod
/// --- live
/// +++ planned
/// @@ -0,0 +1,4 @@
/// +apiVersion: v1
/// +kind: Namespace
/// +metadata:
/// +  name: prod
///
/// Wave 2/2: Deployment
///
/// ~ update Deployment.apps prod/web
/// --- live
/// +++ planned
/// @@ -9,7 +9,7 @@
/// ...
///
/// Plan: 1 to create, 1 to update, 0 to delete, 3 unchanged.
/// ```
///
/// Waves are numbered from 1 in plan order; a wave is shown when it holds a change (or, listing
/// unchanged objects, any object). Unchanged objects are only counted in the summary unless
/// `listUnchanged`, when each gets a `= unchanged Kind namespace/name` line in its wave. Secret values
/// are masked unless `showSecrets`. Control characters from the input print as U+FFFD.
public struct PlanTextRenderer: PlanRenderer {
    /// Colour, secret and listing choices.
    public var options: PlanRenderOptions

    /// Creates a text renderer.
    public init(options: PlanRenderOptions = PlanRenderOptions()) {
        self.options = options
    }

    /// Renders every wave with a change, then the summary.
    public func render(_ plan: Plan) -> String {
        let style = TextStyle(color: options.color)
        let shown = options.showSecrets ? plan : SecretMasker.mask(plan)
        let waves = shown.waves
        var output = ""
        for (number, wave) in zip(1..., waves) {
            let listed = wave.filter { $0.action != .unchanged || options.listUnchanged }
            guard !listed.isEmpty else { continue }
            var kinds: [String] = []
            for change in listed where !kinds.contains(change.key.kind) { kinds.append(change.key.kind) }
            let header = "Wave \(number)/\(waves.count): " + kinds.joined(separator: ", ")
            output += style.bold(Terminal.safe(header)) + "\n\n"
            for change in listed {
                output += Self.block(change, style: style, fieldsOnly: options.style == .fields)
            }
        }
        if !shown.hasChanges { output += "No changes: the cluster matches the manifests.\n\n" }
        return output + shown.summary + "\n"
    }

    /// One object's header and diff, followed by a blank line.
    private static func block(_ change: PlannedChange, style: TextStyle, fieldsOnly: Bool) -> String {
        let title = Terminal.safe(change.key.description)
        switch change.action {
        case .unchanged:
            return "= unchanged \(title)\n\n"
        case .create, .update, .delete:
            break
        }
        let symbol =
            switch change.action {
            case .create: "+ create"
            case .update: "~ update"
            case .delete, .unchanged: "- delete"
            }
        var output = style.action(change.action, "\(symbol) \(title)") + "\n"
        if fieldsOnly { return output + fieldLines(change, style: style) + "\n" }
        let diff = UnifiedDiff(before: lines(change.before), after: lines(change.after))
        if diff.hunks.isEmpty {
            output += "(no difference in the YAML)\n"
        } else {
            output += style.bold("--- live") + "\n" + style.bold("+++ planned") + "\n"
            for hunk in diff.hunks {
                output += style.hunkHeader(hunk.header) + "\n"
                for line in hunk.lines { output += style.diffLine(line) + "\n" }
            }
        }
        return output + "\n"
    }

    /// The paths a change touches, one per line (`  ~ .spec.replicas`); a create or delete is the
    /// whole object.
    private static func fieldLines(_ change: PlannedChange, style: TextStyle) -> String {
        switch change.action {
        case .create: return "    (new object)\n"
        case .delete: return "    (object deleted)\n"
        case .update, .unchanged: break
        }
        var output = ""
        for path in change.fields.added { output += style.action(.create, "    + \(Terminal.safe(path.description))") + "\n" }
        for path in change.fields.modified { output += style.action(.update, "    ~ \(Terminal.safe(path.description))") + "\n" }
        for path in change.fields.removed { output += style.action(.delete, "    - \(Terminal.safe(path.description))") + "\n" }
        return output
    }

    /// The object's YAML, one string per line; none for an absent object.
    private static func lines(_ object: KubeObject?) -> [String] {
        guard let object else { return [] }
        let text = Terminal.safe(YAMLEmitter.emit(object.value))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map(String.init)
    }
}
