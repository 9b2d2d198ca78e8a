import KPlanCore

extension FieldSet {
    /// The set in Kubernetes' `fieldsV1` form: `{"f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{},"f:image":{}}}}}`;
    /// `"."` marks a step that is in the set itself and also has paths below it.
    public var fieldsV1: JSONValue {
        var object: [String: JSONValue] = [:]
        Self.merge(members, children) { member, child in
            guard let child else {
                object[Self.key(for: member!)] = .object([:])
                return
            }
            var inner = child.set.fieldsV1.object ?? [:]
            if member != nil { inner["."] = .object([:]) }
            object[Self.key(for: child.element)] = .object(inner)
        }
        return .object(object)
    }

    /// Whether `value` is this set's `fieldsV1` form (`fieldsV1 == value`), found by looking each step
    /// up in `value` rather than building the form.
    func isWritten(as value: JSONValue) -> Bool {
        matches(value, includeSelf: false)
    }

    private func matches(_ value: JSONValue, includeSelf: Bool) -> Bool {
        guard case .object(let object) = value else { return false }
        if includeSelf && object["."] != .object([:]) { return false }
        var count = includeSelf ? 1 : 0
        var matched = true
        Self.merge(members, children) { member, child in
            guard matched else { return }
            count += 1
            guard let inner = object[Self.key(for: child?.element ?? member!)] else {
                matched = false
                return
            }
            if let child {
                matched = child.set.matches(inner, includeSelf: member != nil)
            } else {
                matched = inner == .object([:])
            }
        }
        return matched && object.count == count
    }

    /// The `fieldsV1` JSON text exactly as Kubernetes writes it: `"."` first, then the steps in
    /// structured-merge-diff's order (fields, keys, values, indexes), no spaces.
    public var fieldsV1Text: String {
        var output = ""
        write(to: &output, includeSelf: false)
        return output
    }

    private func write(to output: inout String, includeSelf: Bool) {
        output += "{"
        var first = true
        func separate() {
            if !first { output += "," }
            first = false
        }
        if includeSelf {
            separate()
            output += "\".\":{}"
        }
        Self.merge(members, children) { member, child in
            separate()
            JSONValue.writeString(Self.key(for: child?.element ?? member!), to: &output)
            output += ":"
            if let child {
                child.set.write(to: &output, includeSelf: member != nil)
            } else {
                output += "{}"
            }
        }
        output += "}"
    }

    /// Reads a `fieldsV1` value; nil when it is not a well-formed one.
    public init?(fieldsV1 value: JSONValue) {
        guard case .object(let object) = value else { return nil }
        var members: [FieldPath.Element] = []
        var children: [Child] = []
        for (key, inner) in object where key != "." {
            guard let element = Self.element(forKey: key), case .object(let innerObject) = inner else { return nil }
            if innerObject.isEmpty {
                members.append(element)
                continue
            }
            if innerObject["."] != nil { members.append(element) }
            guard let below = FieldSet(fieldsV1: inner) else { return nil }
            children.append(Child(element: element, set: below))
        }
        self.init(unsortedMembers: members, unsortedChildren: children)
    }

    /// The `fieldsV1` key of one step: `f:name`, `k:{"name":"app"}`, `v:"a"`, `i:0`.
    public static func key(for element: FieldPath.Element) -> String {
        switch element {
        case .field(let name):
            return fieldKey(name)
        case .key(let fields):
            var members: [String: JSONValue] = [:]
            for field in fields { members[field.name] = field.value }
            return "k:" + JSONValue.object(members).compactJSON
        case .value(let value):
            return "v:" + value.compactJSON
        case .index(let index):
            return "i:\(index)"
        }
    }

    /// `f:` and `name`, written into the new string at once (appending is several times slower, and
    /// every field of a set is looked up by its key when a set is compared with its `fieldsV1`).
    private static func fieldKey(_ name: String) -> String {
        var name = name
        return name.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count + 2) { key in
                key[0] = UInt8(ascii: "f")
                key[1] = UInt8(ascii: ":")
                _ = UnsafeMutableBufferPointer(rebasing: key[2...]).initialize(fromContentsOf: bytes)
                return bytes.count + 2
            }
        }
    }

    /// The step a `fieldsV1` key names; nil for a malformed key.
    public static func element(forKey key: String) -> FieldPath.Element? {
        let body = key.dropFirst(2)
        switch key.prefix(2) {
        case "f:":
            return .field(String(body))
        case "k:":
            guard case .object(let members)? = (try? JSONValue(parsing: String(body))) else { return nil }
            return .key(members.keys.sorted().map { FieldPath.KeyField(name: $0, value: members[$0]!) })
        case "v:":
            return (try? JSONValue(parsing: String(body))).map(FieldPath.Element.value)
        case "i:":
            return Int(body).map(FieldPath.Element.index)
        default:
            return nil
        }
    }
}
