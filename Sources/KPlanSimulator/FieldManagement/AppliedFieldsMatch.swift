import KPlanCore

/// Whether the fields an applied configuration sets are exactly the ones a stored `fieldsV1` names,
/// found by walking the two side by side instead of making the configuration's `FieldSet` and
/// looking each of its steps up: the check a repeated apply by the only manager makes, on every
/// object a plan dry-runs.
///
/// The fields compared are those `FieldManager.apply` records: `FieldSet.of(config, type:)` less
/// the ignored root fields (with everything below them) and less `FieldManager.strippedFields`.
enum AppliedFieldsMatch {
    /// Whether `config`'s recorded fields, written as `fieldsV1`, would be `fieldsV1` (exactly: the
    /// same keys, `"."` where a step is both a field and a parent, `{}` for a field alone).
    /// - Parameter ignored: root fields left out with everything below them (`status`); the
    ///   configuration must not set any of them.
    /// - Throws: what making the configuration's `FieldSet` throws (an item of a keyed list without
    ///   its keys, or repeating one), though not necessarily the same first one.
    static func matches(_ config: JSONValue, type: FieldType, fieldsV1: JSONValue, ignoring ignored: Set<String>) throws(FieldTypeError) -> Bool {
        guard case .object(let expected) = fieldsV1, expected["."] == nil else { return false }
        return try matchesBelow(config, type: type, at: .root(ignored), expected: expected)
    }

    /// Where a value sits, as far as the fields left out go.
    private enum Place {
        case root(Set<String>)
        case metadata
        case elsewhere

        /// Whether member `name` here is not recorded as a field (its children may be).
        func strips(_ name: String) -> Bool {
            switch self {
            case .root: FieldManager.strippedFields.hasMember(.field(name))
            case .metadata: FieldManager.strippedFields.child(.field("metadata")).hasMember(.field(name))
            case .elsewhere: false
            }
        }

        func member(_ name: String) -> Place {
            if case .root = self, name == "metadata" { return .metadata }
            return .elsewhere
        }
    }

    /// Whether the fields below `value` (not `value` itself) are exactly the steps of `expected`
    /// (a `fieldsV1` object whose own `"."` the caller has checked).
    private static func matchesBelow(_ value: JSONValue, type: FieldType, at place: Place, expected: [String: JSONValue]) throws(FieldTypeError) -> Bool {
        let expectedCount = expected.count - (expected["."] == nil ? 0 : 1)
        switch value {
        case .object(let members):
            if type.isAtomicMap { return expectedCount == 0 }
            var count = 0
            for (name, member) in members {
                if case .root(let ignored) = place, ignored.contains(name) { return false }
                let memberType = type.member(name)
                let isField = Self.isField(member, type: memberType)
                var isMember = isField || member.isNull || member.object?.isEmpty == true || !type.declares(name)
                if place.strips(name) { isMember = false }
                let step: Bool
                do {
                    step = try matchesStep(member, type: memberType, at: place.member(name), isField: isField, isMember: isMember,
                                           expected: expected[FieldSet.key(for: .field(name))], counted: &count)
                } catch {
                    throw error.prefixed(with: .field(name))
                }
                if !step { return false }
            }
            return count == expectedCount
        case .array(let items):
            let kind = type.listKind
            if kind == .atomic { return expectedCount == 0 }
            let itemType = type.items
            let list = try ListItems(items, kind: kind, itemType: itemType, strict: true)
            guard list.order.count == expectedCount else { return false }
            var count = 0
            for element in list.order {
                let item = list.items[element]!
                let step: Bool
                do {
                    step = try matchesStep(item, type: itemType, at: .elsewhere, isField: Self.isField(item, type: itemType), isMember: true,
                                           expected: expected[FieldSet.key(for: element)], counted: &count)
                } catch {
                    throw error.prefixed(with: element)
                }
                if !step { return false }
            }
            return true
        case .null, .bool, .int, .double, .string:
            return expectedCount == 0
        }
    }

    /// Whether one step (a member or an item) is written as `expected` (nil: the step is absent,
    /// being neither a field nor a parent); `counted` grows by one for each step present.
    private static func matchesStep(
        _ value: JSONValue, type: FieldType, at place: Place, isField: Bool, isMember: Bool, expected: JSONValue?, counted: inout Int
    ) throws(FieldTypeError) -> Bool {
        guard let expected else {
            // Absent: only a step that is not a field and has no fields below it.
            guard !isMember else { return false }
            if isField { return true }
            return try matchesBelow(value, type: type, at: place, expected: [:])
        }
        guard case .object(let inner) = expected else { return false }
        counted += 1
        if inner.isEmpty {
            // `{}`: a field with nothing below it.
            guard isMember else { return false }
            if isField { return true }
            return try matchesBelow(value, type: type, at: place, expected: [:])
        }
        // A parent: `"."` exactly when it is a field too, and at least one step below.
        let hasSelf = inner["."] != nil
        guard hasSelf == isMember, !hasSelf || inner["."] == .object([:]), inner.count > (hasSelf ? 1 : 0), !isField else { return false }
        return try matchesBelow(value, type: type, at: place, expected: inner)
    }

    /// Whether a value counts as a field itself (a scalar, an atomic list or map), as `FieldSet.of` has it.
    private static func isField(_ value: JSONValue, type: FieldType) -> Bool {
        switch value {
        case .object: type.isAtomicMap
        case .array: type.listKind == .atomic
        case .null, .bool, .int, .double, .string: true
        }
    }
}
