import KPlanCore

/// One entry of `metadata.managedFields`: the fields one manager owns through one kind of operation.
public struct ManagedFieldsEntry: Sendable, Hashable {
    /// How the manager wrote its fields.
    public enum Operation: String, Sendable, Hashable {
        /// Server-side apply.
        case apply = "Apply"
        /// Any other write (create, replace, patch).
        case update = "Update"
    }

    /// The field manager's name (`kubectl`, `kplan`).
    public var manager: String
    /// Apply or Update.
    public var operation: Operation
    /// The apiVersion the fields are expressed in (`apps/v1`).
    public var apiVersion: String
    /// When the manager last changed the object (RFC 3339, seconds), if recorded.
    public var time: String?
    /// The owned fields.
    public var fields: FieldSet
    /// The subresource written (`status`, `scale`), empty for the main resource.
    public var subresource: String

    /// Creates an entry.
    public init(manager: String, operation: Operation, apiVersion: String, time: String?, fields: FieldSet, subresource: String = "") {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.fields = fields
        self.subresource = subresource
    }

    /// Reads an entry as Kubernetes writes it; nil when it is not one (unknown operation, fieldsType
    /// other than `FieldsV1`, malformed `fieldsV1`).
    public init?(_ value: JSONValue) {
        guard let manager = value["manager"]?.string,
              let operation = value["operation"]?.string.flatMap(Operation.init(rawValue:)),
              value["fieldsType"]?.string ?? "FieldsV1" == "FieldsV1",
              let fields = FieldSet(fieldsV1: value["fieldsV1"] ?? .object([:]))
        else { return nil }
        self.init(
            manager: manager, operation: operation, apiVersion: value["apiVersion"]?.string ?? "",
            time: value["time"]?.string, fields: fields, subresource: value["subresource"]?.string ?? "")
    }

    /// The entry as it appears in `metadata.managedFields`.
    public var json: JSONValue {
        Self.json(
            manager: manager, operation: operation, apiVersion: apiVersion, time: time, fieldsV1: fields.fieldsV1,
            subresource: subresource)
    }

    /// An entry as it appears in `metadata.managedFields`, its fields already in `fieldsV1` form.
    static func json(manager: String, operation: Operation, apiVersion: String, time: String?, fieldsV1: JSONValue, subresource: String) -> JSONValue {
        var object: [String: JSONValue] = [
            "manager": .string(manager),
            "operation": .string(operation.rawValue),
            "apiVersion": .string(apiVersion),
            "fieldsType": "FieldsV1",
            "fieldsV1": fieldsV1,
        ]
        if let time { object["time"] = .string(time) }
        if !subresource.isEmpty { object["subresource"] = .string(subresource) }
        return .object(object)
    }

    /// What makes two entries the same manager, as Kubernetes' `BuildManagerIdentifier` decides: the
    /// name, operation and subresource, and for `Update` also the apiVersion.
    var identity: ManagerIdentity {
        ManagerIdentity(
            manager: manager, operation: operation, apiVersion: operation == .update ? apiVersion : "",
            subresource: subresource)
    }

    /// How Kubernetes names the manager in conflict messages: `"m"`, or for updaters `"m" using apps/v1`.
    var conflictName: String {
        var text = "\"" + manager + "\""
        if !subresource.isEmpty { text += " with subresource \"" + subresource + "\"" }
        switch operation {
        case .apply: break
        case .update: text += " using " + apiVersion
        }
        return text
    }

    /// Kubernetes' order of entries: by operation, then time, manager, apiVersion, subresource.
    static func kubernetesOrder(_ lhs: ManagedFieldsEntry, _ rhs: ManagedFieldsEntry) -> Bool {
        (lhs.operation.rawValue, lhs.time ?? "", lhs.manager, lhs.apiVersion, lhs.subresource)
            < (rhs.operation.rawValue, rhs.time ?? "", rhs.manager, rhs.apiVersion, rhs.subresource)
    }
}

/// The identity of a manager in the managed fields (see `ManagedFieldsEntry.identity`).
struct ManagerIdentity: Hashable, Comparable {
    var manager: String
    var operation: ManagedFieldsEntry.Operation
    var apiVersion: String
    var subresource: String

    static func < (lhs: ManagerIdentity, rhs: ManagerIdentity) -> Bool {
        (lhs.manager, lhs.operation.rawValue, lhs.apiVersion, lhs.subresource)
            < (rhs.manager, rhs.operation.rawValue, rhs.apiVersion, rhs.subresource)
    }
}
