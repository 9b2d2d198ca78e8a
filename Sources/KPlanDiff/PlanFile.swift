import Foundation
import KPlanCore
import KPlanValidation

/// A saved plan (`kplan plan --out FILE`): a versioned JSON document holding, for every change, the
/// desired object and the live object's uid and resourceVersion as the plan saw them (or that it
/// was absent). `kplan apply FILE` applies exactly these changes.
public struct PlanFile: Sendable {
    /// The document's `apiVersion`.
    public static let apiVersion = "kplan.dev/v1alpha1"
    /// The document's `kind`.
    public static let kind = "SavedPlan"

    /// The plan (only its changes; unchanged objects are not saved).
    public var plan: Plan
    /// The field manager the plan's applies are made as.
    public var fieldManager: String
    /// Whether conflicts are forced.
    public var forceConflicts: Bool
    /// The cluster the plan was made against (the state file's absolute path).
    public var cluster: String

    /// Creates a saved plan.
    public init(plan: Plan, fieldManager: String, forceConflicts: Bool, cluster: String) {
        self.plan = Plan(changes: plan.changes.filter { $0.action != .unchanged })
        self.fieldManager = fieldManager
        self.forceConflicts = forceConflicts
        self.cluster = cluster
    }

    /// The document.
    public var json: JSONValue {
        .object([
            "apiVersion": .string(Self.apiVersion), "kind": .string(Self.kind),
            "fieldManager": .string(fieldManager), "forceConflicts": .bool(forceConflicts), "cluster": .string(cluster),
            "changes": .array(plan.changes.map(Self.encode)),
        ])
    }

    private static func encode(_ change: PlannedChange) -> JSONValue {
        var entry: [String: JSONValue] = [
            "action": .string(change.action.rawValue), "wave": .int(Int64(change.wave)),
            "apiVersion": .string(change.apiVersion), "group": .string(change.key.group), "kind": .string(change.key.kind),
            "namespace": .string(change.key.namespace), "name": .string(change.key.name),
            "liveUID": change.liveUID.map(JSONValue.string) ?? .null,
            "liveResourceVersion": change.liveResourceVersion.map(JSONValue.string) ?? .null,
        ]
        if let desired = change.desired { entry["desired"] = desired.value }
        if let before = change.before { entry["before"] = before.value }
        if let after = change.after { entry["after"] = after.value }
        if let source = change.source {
            entry["source"] = .string("\(source.file):\(source.range.start.line):\(source.range.start.column)")
        }
        return .object(entry)
    }

    /// Writes the document to `path` with mode 0600 (it holds whole objects, Secrets included), by way
    /// of a temporary file renamed into place.
    public func write(to path: String) throws(PlanFileError) {
        let text = json.prettyJSON
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let fchmodResult = fchmod(descriptor, 0o600)
        let closed = close(descriptor)
        guard written == bytes.count, fchmodResult == 0, closed == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .unwritable(path: path, reason: reason)
        }
    }

    /// Reads a saved plan.
    /// - Throws: `PlanFileError` when the file is missing, is not JSON, or is not a saved plan of a
    ///   version this kplan reads.
    public static func read(from path: String, schema: (GroupVersionKind) -> Schema?) throws(PlanFileError) -> PlanFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: [UInt8](data))
        } catch {
            throw .malformed(path: path, reason: "not JSON: \(error)")
        }
        guard document["kind"]?.string == kind else { throw .malformed(path: path, reason: "not a kplan saved plan (kind is not \(kind))") }
        guard document["apiVersion"]?.string == apiVersion else {
            throw .malformed(path: path, reason: "saved plan version \(document["apiVersion"]?.string ?? "?") is not \(apiVersion), the version this kplan reads")
        }
        var changes: [PlannedChange] = []
        for (index, entry) in (document["changes"]?.array ?? []).enumerated() {
            guard let action = entry["action"]?.string.flatMap(PlanAction.init(rawValue:)),
                let apiVersion = entry["apiVersion"]?.string, let kind = entry["kind"]?.string,
                let name = entry["name"]?.string, let wave = entry["wave"]?.int
            else { throw .malformed(path: path, reason: "change \(index + 1) lacks action, apiVersion, kind, name or wave") }
            let key = ResourceKey(group: entry["group"]?.string ?? "", kind: kind, namespace: entry["namespace"]?.string ?? "", name: name)
            let before = entry["before"].flatMap(KubeObject.init)
            let after = entry["after"].flatMap(KubeObject.init)
            let gvk = GroupVersionKind(apiVersion: apiVersion, kind: kind)
            changes.append(PlannedChange(
                key: key, apiVersion: apiVersion, action: action, before: before, after: after,
                desired: entry["desired"].flatMap(KubeObject.init),
                fields: ObjectDiff.compare(before: before?.value, after: after?.value, schema: schema(gvk)), wave: Int(wave),
                liveUID: entry["liveUID"]?.string, liveResourceVersion: entry["liveResourceVersion"]?.string, source: nil))
        }
        return PlanFile(
            plan: Plan(changes: changes), fieldManager: document["fieldManager"]?.string ?? "kplan",
            forceConflicts: document["forceConflicts"]?.bool ?? false, cluster: document["cluster"]?.string ?? "")
    }
}

/// Why a saved plan could not be written or read.
public enum PlanFileError: Error, Sendable, CustomStringConvertible {
    case unwritable(path: String, reason: String)
    case unreadable(path: String)
    case malformed(path: String, reason: String)

    public var description: String {
        switch self {
        case .unwritable(let path, let reason): "cannot write the plan to \(path): \(reason)"
        case .unreadable(let path): "cannot read the saved plan \(path)"
        case .malformed(let path, let reason): "\(path) is not a plan kplan can apply: \(reason)"
        }
    }
}
