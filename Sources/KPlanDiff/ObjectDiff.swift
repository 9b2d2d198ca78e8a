import KPlanCore
import KPlanValidation

/// Compares two versions of an object field by field, as structured-merge-diff's `typed/compare.go`
/// does: the result names leaf paths (scalars, atomic values, empty collections) added, modified or
/// removed.
///
/// How a list is compared follows its schema:
/// - `x-kubernetes-list-type: map` (or the built-in `patchStrategy: merge` with a `patchMergeKey`):
///   item by item, matched by their key fields, so paths read `.containers[name="app"].image`;
/// - `x-kubernetes-list-type: set` (or `patchStrategy: merge` without a key): by value,
///   `.finalizers[="a"]` added or removed;
/// - `x-kubernetes-list-type: atomic`, or a schema that says nothing: as one value, the list's own
///   path modified;
/// - no schema at all: item by index, `.args[1]`.
///
/// A map with `x-kubernetes-map-type: atomic` is one value too. An integer and a float of the same
/// value are equal, as in Kubernetes' value comparison.
public enum ObjectDiff {
    /// The leaf field paths that differ from `before` to `after`; `schema` is the object's root schema
    /// (nil compares without one).
    public static func compare(before: JSONValue?, after: JSONValue?, schema: Schema?) -> FieldChanges {
        var walk = Walk()
        if before != after { walk.compare(before, after, schema: SchemaView(schema), path: FieldPath()) }
        return FieldChanges(added: walk.added, modified: walk.modified, removed: walk.removed)
    }

    /// The leaf field paths that differ between two versions of an object, compared with the schema
    /// `registry` has for the kind (of `after`, else `before`); without one, lists go by index.
    public static func compare(before: KubeObject?, after: KubeObject?, registry: SchemaRegistry) -> FieldChanges {
        var schema: Schema?
        if let gvk = (after ?? before)?.gvk, case .found(let found) = registry.lookup(gvk) { schema = found }
        return compare(before: before?.value, after: after?.value, schema: schema)
    }
}

/// One comparison's collected paths.
private struct Walk {
    var added: [FieldPath] = []
    var modified: [FieldPath] = []
    var removed: [FieldPath] = []

    /// Compares two values known to differ. Equal subtrees hold no changes (and most of a changed
    /// object is such subtrees), so callers pass only members and items that differ.
    mutating func compare(_ before: JSONValue?, _ after: JSONValue?, schema: SchemaView, path: FieldPath) {
        switch (before, after) {
        case (.object(let lhs)?, .object(let rhs)?):
            compareObjects(lhs, rhs, schema: schema, path: path)
        case (.object(let lhs)?, nil):
            compareObjects(lhs, nil, schema: schema, path: path)
        case (nil, .object(let rhs)?):
            compareObjects(nil, rhs, schema: schema, path: path)
        case (.array(let lhs)?, .array(let rhs)?):
            compareArrays(lhs, rhs, schema: schema, path: path)
        case (.array(let lhs)?, nil):
            compareArrays(lhs, nil, schema: schema, path: path)
        case (nil, .array(let rhs)?):
            compareArrays(nil, rhs, schema: schema, path: path)
        default:
            leaf(before, after, path: path)
        }
    }

    /// Records a leaf: added, removed, or modified when the values differ.
    mutating func leaf(_ before: JSONValue?, _ after: JSONValue?, path: FieldPath) {
        switch (before, after) {
        case (nil, nil): return
        case (nil, _?): added.append(path)
        case (_?, nil): removed.append(path)
        case (let lhs?, let rhs?): if !Self.equal(lhs, rhs) { modified.append(path) }
        }
    }

    mutating func compareObjects(
        _ before: [String: JSONValue]?, _ after: [String: JSONValue]?, schema: SchemaView, path: FieldPath
    ) {
        let bothEmpty = (before?.isEmpty ?? true) && (after?.isEmpty ?? true)
        if bothEmpty || schema.isAtomicMap {
            leaf(before.map(JSONValue.object), after.map(JSONValue.object), path: path)
            return
        }
        // Each key is looked up once on the other side; the after-only keys are looked for only when
        // the before keys did not account for all of after's.
        var differing: [(key: String, before: JSONValue?, after: JSONValue?)] = []
        var shared = 0
        for (key, value) in before ?? [:] {
            let other = after?[key]
            if other != nil { shared += 1 }
            if other != value { differing.append((key, value, other)) }
        }
        if let after, shared < after.count {
            for (key, value) in after where before?[key] == nil { differing.append((key, nil, value)) }
        }
        differing.sort { $0.key < $1.key }
        for (key, old, new) in differing {
            compare(old, new, schema: schema.property(key), path: path.appending(.field(key)))
        }
    }

    mutating func compareArrays(_ before: [JSONValue]?, _ after: [JSONValue]?, schema: SchemaView, path: FieldPath) {
        let bothEmpty = (before?.isEmpty ?? true) && (after?.isEmpty ?? true)
        if bothEmpty {
            leaf(before.map(JSONValue.array), after.map(JSONValue.array), path: path)
            return
        }
        let items = schema.items
        switch schema.listStrategy {
        case .atomic:
            leaf(before.map(JSONValue.array), after.map(JSONValue.array), path: path)
        case .set:
            compareSets(before ?? [], after ?? [], path: path)
        case .map(let keyNames):
            guard let lhs = Self.keyed(before ?? [], keyNames), let rhs = Self.keyed(after ?? [], keyNames) else {
                compareByIndex(before ?? [], after ?? [], items: items, path: path)
                return
            }
            let keys = Set(lhs.keys).union(rhs.keys).filter { lhs[$0] != rhs[$0] }
                .sorted { FieldPath.Element.key($0) < FieldPath.Element.key($1) }
            for key in keys {
                compare(lhs[key], rhs[key], schema: items, path: path.appending(.key(key)))
            }
        case .index:
            compareByIndex(before ?? [], after ?? [], items: items, path: path)
        }
    }

    mutating func compareSets(_ before: [JSONValue], _ after: [JSONValue], path: FieldPath) {
        let lhs = Set(before)
        let rhs = Set(after)
        for value in rhs.subtracting(lhs) { added.append(path.appending(.value(value))) }
        for value in lhs.subtracting(rhs) { removed.append(path.appending(.value(value))) }
    }

    mutating func compareByIndex(_ before: [JSONValue], _ after: [JSONValue], items: SchemaView, path: FieldPath) {
        for index in 0..<max(before.count, after.count) {
            // Spelled out: `JSONValue` is nil-literal-expressible, so a bare `nil` here would be `.null`.
            let lhs: JSONValue? = index < before.count ? before[index] : Optional.none
            let rhs: JSONValue? = index < after.count ? after[index] : Optional.none
            if lhs != rhs { compare(lhs, rhs, schema: items, path: path.appending(.index(index))) }
        }
    }

    /// The items of a map list by their key fields; nil when an item is not an object or two items
    /// share a key (then the list is compared by index).
    static func keyed(_ items: [JSONValue], _ keyNames: [String]) -> [[FieldPath.KeyField]: JSONValue]? {
        var result: [[FieldPath.KeyField]: JSONValue] = [:]
        for item in items {
            guard let members = item.object else { return nil }
            let key = keyNames.compactMap { name in members[name].map { FieldPath.KeyField(name: name, value: $0) } }
            guard result.updateValue(item, forKey: key) == nil else { return nil }
        }
        return result
    }

    /// Value equality with integers and floats compared by number.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): Double(a) == b
        default: lhs == rhs
        }
    }
}
