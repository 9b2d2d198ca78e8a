import KPlanCore

/// One walk of a node tree against a schema, collecting diagnostics.
///
/// The field path is kept as a stack of elements and rendered only when something is reported, so
/// a valid document costs no string building; the findings name no object (``SchemaValidator`` names
/// the resource in them after the walk).
struct SchemaValidationRun {
    /// The file of the resource being validated, for the locations of findings.
    let file: String
    var diagnostics: [Diagnostic] = []
    private var path: [FieldPathElement] = []

    init(file: String) {
        self.file = file
        path.reserveCapacity(32)
    }

    // MARK: - Walk

    mutating func check(_ node: Node, _ schema: Schema, strict: Bool) {
        if let base = schema.base { check(node, base, strict: strict) }
        switch node.content {
        case .scalar(let scalar):
            checkScalar(node, scalar, schema)
        case .mapping(let entries):
            if schema.special != .none || (!schema.types.isEmpty && !schema.types.contains(.object)) {
                reportType(node, schema)
            } else {
                checkObject(node, entries, schema, strict: strict)
            }
        case .sequence(let items):
            if schema.special != .none || (!schema.types.isEmpty && !schema.types.contains(.array)) {
                reportType(node, schema)
            } else {
                checkArray(node, items, schema, strict: strict)
            }
        }
        guard schema.hasDetails else { return }
        if !schema.allOf.isEmpty || !schema.anyOf.isEmpty || !schema.oneOf.isEmpty || schema.not != nil {
            checkCombinators(Self.defaulted(node, schema), schema)
        }
        if !schema.validations.isEmpty, !node.isNull { checkRules(node, schema) }
    }

    /// Runs the schema's CEL rules (`x-kubernetes-validations`) on `node`, as the API server does;
    /// a rule naming a `fieldPath` is reported at that field when it exists.
    private mutating func checkRules(_ node: Node, _ schema: Schema) {
        for rule in schema.validations {
            let result = rule.check(self: node, schema: schema.celSchemaNode)
            guard !result.passed else { continue }
            let target = rule.fieldPath.flatMap { Self.field($0, in: node) }
            report(target ?? node, "schema.cel", result.message)
        }
    }

    /// The node at a simple CEL field path (`.spec.name`, `.items`) below `node`, if present.
    private static func field(_ path: String, in node: Node) -> Node? {
        var current: Node? = node
        for name in path.split(separator: ".") {
            guard !name.contains("["), let next = current?[String(name)] else { return nil }
            current = next
        }
        return current
    }

    private mutating func checkScalar(_ node: Node, _ scalar: Scalar, _ schema: Schema) {
        switch schema.special {
        case .none:
            break
        case .quantity:
            switch scalar.value {
            case .null, .int, .float:
                return
            case .string(let text):
                if !Quantity.isValid(text) {
                    report(node, "schema.quantity",
                           "\"\(text)\" is not a valid quantity; write a number with an optional suffix like 500Mi, 2Gi, 100m or 1e3")
                }
                return
            case .bool, .timestamp:
                reportType(node, schema)
                return
            }
        case .intOrString:
            switch scalar.value {
            case .null, .int, .string, .timestamp:
                break
            case .bool, .float:
                reportType(node, schema)
                return
            }
        }
        let types = schema.types
        switch scalar.value {
        case .null:
            if !schema.admitsNull { reportType(node, schema) }
        case .bool(let value):
            guard types.isEmpty || types.contains(.boolean) else { return reportType(node, schema) }
            checkEnum(node, schema) { if case .bool(let b) = $0 { return b == value } else { return false } }
        case .int(let value):
            guard types.isEmpty || types.contains(.integer) || schema.special == .intOrString else {
                return reportType(node, schema)
            }
            checkEnum(node, schema) { if case .number(let n) = $0 { return n == Double(value) } else { return false } }
            if let format = schema.format, let problem = format.problem(integer: value) {
                report(node, "schema.format", problem)
            }
            checkBounds(node, Double(value), schema)
        case .float(let value):
            let integral = value.isFinite && value == value.rounded(.towardZero)
            guard types.isEmpty || types.contains(.number) || (types.contains(.integer) && integral) else {
                return reportType(node, schema)
            }
            checkEnum(node, schema) { if case .number(let n) = $0 { return n == value } else { return false } }
            if integral, let format = schema.format, let problem = format.problem(integral: value) {
                report(node, "schema.format", problem)
            }
            checkBounds(node, value, schema)
        case .string(let text):
            guard types.isEmpty || types.contains(.string) else { return reportType(node, schema) }
            checkString(node, text, schema)
        case .timestamp(let text):
            guard types.isEmpty || types.contains(.string) else { return reportType(node, schema) }
            checkString(node, text, schema)
        }
    }

    private mutating func checkString(_ node: Node, _ text: String, _ schema: Schema) {
        guard schema.hasDetails else { return }
        checkEnum(node, schema) { if case .string(let s) = $0 { return s == text } else { return false } }
        if let pattern = schema.pattern, !pattern.matches(text) {
            report(node, "schema.pattern", "\"\(Self.clip(text))\" does not match the pattern \(pattern.source)")
        }
        if let format = schema.format, let problem = format.problem(string: text) {
            report(node, "schema.format", "\"\(Self.clip(text))\" \(problem)")
        }
        if schema.minLength != nil || schema.maxLength != nil {
            let length = text.unicodeScalars.count
            if let minimum = schema.minLength, length < minimum {
                report(node, "schema.bounds", "is \(length) characters long; the minimum length is \(minimum)")
            }
            if let maximum = schema.maxLength, length > maximum {
                report(node, "schema.bounds", "is \(length) characters long; the maximum length is \(maximum)")
            }
        }
    }

    private mutating func checkEnum(_ node: Node, _ schema: Schema, _ matches: (SchemaValue) -> Bool) {
        guard schema.hasDetails, let values = schema.enumValues, !values.contains(where: matches) else { return }
        let shown = values.prefix(12).map(\.description).joined(separator: ", ")
        let more = values.count > 12 ? ", …" : ""
        report(node, "schema.enum", "\(Self.describe(node)) is not one of the allowed values: \(shown)\(more)")
    }

    private mutating func checkBounds(_ node: Node, _ value: Double, _ schema: Schema) {
        guard schema.hasDetails else { return }
        let text = node.scalar?.text ?? String(value)
        if let minimum = schema.minimum, schema.exclusiveMinimum ? value <= minimum : value < minimum {
            report(node, "schema.bounds",
                   "\(text) is \(schema.exclusiveMinimum ? "not greater than" : "less than") the minimum \(SchemaValue.number(minimum))")
        }
        if let maximum = schema.maximum, schema.exclusiveMaximum ? value >= maximum : value > maximum {
            report(node, "schema.bounds",
                   "\(text) is \(schema.exclusiveMaximum ? "not less than" : "greater than") the maximum \(SchemaValue.number(maximum))")
        }
        if let divisor = schema.multipleOf, divisor > 0 {
            let quotient = value / divisor
            if quotient != quotient.rounded() {
                report(node, "schema.bounds", "\(text) is not a multiple of \(SchemaValue.number(divisor))")
            }
        }
    }

    private mutating func checkObject(_ node: Node, _ entries: [MappingEntry], _ schema: Schema, strict: Bool) {
        let rejectsUnknown = strict ? schema.rejectsUnknownFields : isForbidden(schema.additionalProperties)
        let count = schema.propertyNames.count
        var seenSmall: UInt64 = 0
        var seenLarge: [Bool] = count > 64 ? Array(repeating: false, count: count) : []
        let names = schema.propertyNames
        // Small property sets are searched linearly: comparing a few short strings beats hashing one.
        let propertyIndex = schema.propertyIndex
        // Entries are read in place: copying each whole entry (key node, value node, name) costs more
        // than the lookups.
        for entryIndex in entries.indices {
            guard case .scalar = entries[entryIndex].key.content else { continue }
            let name = entries[entryIndex].name
            let position: Int?
            if let propertyIndex {
                position = propertyIndex.position(of: name, in: names)
            } else {
                position = names.firstIndex { $0.utf8.count == name.utf8.count && $0 == name }
            }
            if let index = position {
                if entries[entryIndex].value.isNull { continue }
                if index < 64 { seenSmall |= 1 << UInt64(index) } else { seenLarge[index] = true }
                path.append(.key(name))
                check(entries[entryIndex].value, schema.propertySchemas[index], strict: strict)
                path.removeLast()
                continue
            }
            switch schema.additionalProperties {
            case .schema(let additional):
                if entries[entryIndex].value.isNull { continue }
                path.append(.key(name))
                check(entries[entryIndex].value, additional, strict: strict)
                path.removeLast()
            case .allowed, .forbidden, .unspecified:
                if rejectsUnknown { reportUnknownField(entries[entryIndex].key, name, schema) }
            }
        }
        for name in schema.required {
            let present: Bool
            if let index = schema.propertyPosition(name) {
                present = index < 64 ? seenSmall & (1 << UInt64(index)) != 0 : seenLarge[index]
            } else {
                present = entries.contains { $0.hasName(name) && !$0.value.isNull }
            }
            if !present { report(node, "schema.required", "missing required field \"\(name)\"") }
        }
        if schema.isEmbeddedResource {
            for name in ["apiVersion", "kind"] where !entries.contains(where: { $0.name == name && !$0.value.isNull }) {
                report(node, "schema.required", "missing required field \"\(name)\" of an embedded resource")
            }
        }
        guard schema.hasDetails else { return }
        if let minimum = schema.minProperties, entries.count < minimum {
            report(node, "schema.bounds", "has \(entries.count) fields; at least \(minimum) are required")
        }
        if let maximum = schema.maxProperties, entries.count > maximum {
            report(node, "schema.bounds", "has \(entries.count) fields; at most \(maximum) are allowed")
        }
    }

    private func isForbidden(_ additional: AdditionalProperties) -> Bool {
        switch additional {
        case .forbidden: true
        case .allowed, .unspecified, .schema: false
        }
    }

    private mutating func checkArray(_ node: Node, _ items: [Node], _ schema: Schema, strict: Bool) {
        if let itemSchema = schema.items {
            for index in items.indices {
                path.append(.index(index))
                check(items[index], itemSchema, strict: strict)
                path.removeLast()
            }
        }
        guard schema.hasDetails else { return }
        if let minimum = schema.minItems, items.count < minimum {
            report(node, "schema.bounds", "has \(items.count) items; at least \(minimum) are required")
        }
        if let maximum = schema.maxItems, items.count > maximum {
            report(node, "schema.bounds", "has \(items.count) items; at most \(maximum) are allowed")
        }
        guard items.count > 1 else { return }
        switch schema.listType {
        case .map?:
            checkListMapKeys(items, schema.listMapKeys)
        case .set?:
            checkDistinct(items)
        case .atomic?, nil:
            if schema.uniqueItems { checkDistinct(items) }
        }
    }

    private mutating func checkListMapKeys(_ items: [Node], _ keys: [String]) {
        guard !keys.isEmpty else { return }
        var first: [[ScalarValue?]: Int] = [:]
        first.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard item.entries != nil else { continue }
            let key = keys.map { item[$0]?.scalar?.value }
            if key.allSatisfy({ $0 == nil }) { continue }
            if let earlier = first[key] {
                let shown = zip(keys, key).compactMap { name, value in value.map { "\(name)=\(Self.describe($0))" } }
                    .joined(separator: ", ")
                path.append(.index(index))
                report(item, "schema.duplicate-list-key",
                       "Duplicate value: another item has \(shown) (items are keyed by \(keys.joined(separator: ", ")))",
                       notes: [Diagnostic.Note("first defined here", at: SourceLocation(file: file, range: items[earlier].range))])
                path.removeLast()
            } else {
                first[key] = index
            }
        }
    }

    private mutating func checkDistinct(_ items: [Node]) {
        var first: [ScalarValue: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let value = item.scalar?.value else { continue }
            if let earlier = first[value] {
                path.append(.index(index))
                report(item, "schema.duplicate-list-key", "Duplicate value: \(Self.describe(value)) appears more than once",
                       notes: [Diagnostic.Note("first defined here", at: SourceLocation(file: file, range: items[earlier].range))])
                path.removeLast()
            } else {
                first[value] = index
            }
        }
    }

    private mutating func checkCombinators(_ node: Node, _ schema: Schema) {
        for branch in schema.allOf { check(node, branch, strict: false) }
        if !schema.anyOf.isEmpty {
            var failures: [Diagnostic] = []
            var matched = false
            for branch in schema.anyOf {
                let problems = branchProblems(node, branch)
                if problems.isEmpty { matched = true; break }
                failures.append(contentsOf: problems.prefix(1))
            }
            if !matched {
                report(node, "schema.any-of", "matches none of the allowed alternatives (anyOf)",
                       notes: failures.prefix(3).map { Diagnostic.Note("alternative: \($0.message)", at: $0.location) })
            }
        }
        if !schema.oneOf.isEmpty {
            var failures: [Diagnostic] = []
            var matches = 0
            for branch in schema.oneOf {
                let problems = branchProblems(node, branch)
                if problems.isEmpty { matches += 1 } else { failures.append(contentsOf: problems.prefix(1)) }
            }
            if matches == 0 {
                report(node, "schema.one-of", "matches none of the alternatives (oneOf)",
                       notes: failures.prefix(3).map { Diagnostic.Note("alternative: \($0.message)", at: $0.location) })
            } else if matches > 1 {
                report(node, "schema.one-of", "matches \(matches) of the alternatives (oneOf); exactly one is allowed")
            }
        }
        if let not = schema.not, branchProblems(node, not).isEmpty {
            report(node, "schema.not", "matches a schema it must not match (not)")
        }
    }

    /// `node` with the defaults of absent properties filled in, as the API server does before it
    /// evaluates `oneOf`/`anyOf`/`allOf`/`not`.
    private static func defaulted(_ node: Node, _ schema: Schema) -> Node {
        guard case .mapping(var entries) = node.content else { return node }
        var changed = false
        for (index, name) in schema.propertyNames.enumerated() {
            guard let value = schema.propertySchemas[index].defaultValue,
                  !entries.contains(where: { $0.name == name && !$0.value.isNull })
            else { continue }
            let key = Node(.scalar(Scalar(text: name, style: .plain, tag: nil, value: .string(name))), range: node.range)
            entries.append(MappingEntry(key: key, value: Node(value.content, range: node.range)))
            changed = true
        }
        return changed ? Node(.mapping(entries), range: node.range) : node
    }

    /// The problems of `node` against a combinator branch, which only adds constraints (not strict).
    private func branchProblems(_ node: Node, _ branch: Schema) -> [Diagnostic] {
        var run = SchemaValidationRun(file: file)
        run.path = path
        run.check(node, branch, strict: false)
        return run.diagnostics
    }

    // MARK: - Reporting

    private mutating func report(_ node: Node, _ code: String, _ message: String, notes: [Diagnostic.Note] = []) {
        let rendered = FieldPathElement.render(path)
        diagnostics.append(Diagnostic(
            .error, code: code, message: rendered.isEmpty ? message : "\(rendered): \(message)",
            at: SourceLocation(file: file, range: node.range), notes: notes))
    }

    private mutating func reportUnknownField(_ key: Node, _ name: String, _ schema: Schema) {
        path.append(.key(name))
        var message = "unknown field \"\(FieldPathElement.render(path))\""
        path.removeLast()
        if let suggestion = Suggestion.closest(to: name, among: schema.propertyNames) {
            message += "; did you mean \"\(suggestion)\"?"
        }
        diagnostics.append(Diagnostic(
            .error, code: "schema.unknown-field", message: message,
            at: SourceLocation(file: file, range: key.range)))
    }

    private mutating func reportType(_ node: Node, _ schema: Schema) {
        let expected = Self.expected(schema)
        if let scalar = node.scalar, scalar.style == .plain, scalar.tag == nil,
           schema.types.contains(.string) || schema.special != .none {
            let reading: String?
            switch scalar.value {
            case .bool(let value): reading = "boolean \(value)"
            case .int(let value): reading = "integer \(value)"
            case .float(let value): reading = "number \(value)"
            case .null: reading = "null"
            case .string, .timestamp: reading = nil
            }
            if let reading {
                report(node, "schema.yaml11-scalar",
                       "`\(scalar.text)` is read as \(reading); this field is \(Self.article(expected)) — quote it")
                return
            }
        }
        report(node, "schema.type", "expected \(expected), got \(Self.describe(node))")
    }

    private static func expected(_ schema: Schema) -> String {
        switch schema.special {
        case .quantity: "a quantity (string or number)"
        case .intOrString: "integer or string"
        case .none: schema.types.description
        }
    }

    private static func article(_ expected: String) -> String {
        if expected.hasPrefix("a ") { return expected }
        return (expected.first.map { "aeiou".contains($0) } ?? false) ? "an \(expected)" : "a \(expected)"
    }

    /// A short description of a node's value for messages (`string "abc"`, `integer 3`, `object`).
    static func describe(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar): describe(scalar.value)
        case .mapping: "object"
        case .sequence: "array"
        }
    }

    static func describe(_ value: ScalarValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): "boolean \(b)"
        case .int(let i): "integer \(i)"
        case .float(let f): "number \(f)"
        case .string(let s), .timestamp(let s): "string \"\(clip(s))\""
        }
    }

    static func clip(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(57)) + "…" : text
    }
}
