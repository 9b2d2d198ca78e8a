/// Evaluates a `CELExpr` tree, counting steps against a budget.
struct CELEvaluator {
    /// Variables in scope, innermost last.
    private var scope: [(name: String, value: CELValue)]
    private var steps = 0
    private let maxSteps: Int

    /// Creates an evaluator with `variables` bound and a step budget.
    init(variables: [(name: String, value: CELValue)], maxSteps: Int) {
        scope = variables
        self.maxSteps = maxSteps
    }

    /// Charges `cost` steps, failing when the budget runs out.
    private mutating func charge(_ cost: Int = 1) throws(CELEvalError) {
        steps += cost
        if steps > maxSteps { throw .budgetExhausted(maxSteps) }
    }

    private func lookup(_ name: String) -> CELValue? {
        scope.last { $0.name == name }?.value
    }

    /// The value of `expr`.
    mutating func evaluate(_ expr: CELExpr) throws(CELEvalError) -> CELValue {
        try charge()
        switch expr {
        case .literal(let value):
            return value
        case .ident(let name):
            if let value = lookup(name) { return value }
            if CELFunctions.typeNames.contains(name) { return .type(name) }
            throw .failure("undeclared reference to '\(name)'")
        case .select(let operandExpr, let field):
            let operand = try evaluate(operandExpr)
            if case .optional = operand { return try optionalSelect(operand, field) }
            guard operand.isMap else {
                throw .failure("type '\(operand.typeName)' does not support field selection ('\(field)')")
            }
            guard let value = operand.mapValue(.string(CELFieldName.unescape(field))) else {
                throw .failure("no such key: \(field)")
            }
            return value
        case .optionalSelect(let operandExpr, let field):
            return try optionalSelect(try evaluate(operandExpr), field)
        case .optionalIndex(let operandExpr, let indexExpr):
            var operand = try evaluate(operandExpr)
            if case .optional(let wrapped) = operand {
                guard let wrapped else { return operand }
                operand = wrapped
            }
            let key = try evaluate(indexExpr)
            if operand.isMap { return .optional(operand.mapValue(key)) }
            if let items = operand.listElements, case .int(let position) = key {
                return .optional(position >= 0 && position < items.count ? items[Int(position)] : nil)
            }
            throw .failure("type '\(operand.typeName)' does not support optional indexing")
        case .hasField(let operandExpr, let field):
            let operand = try evaluate(operandExpr)
            guard operand.isMap else {
                throw .failure("invalid type for has(): '\(operand.typeName)' has no fields")
            }
            return .bool(operand.mapValue(.string(CELFieldName.unescape(field))) != nil)
        case .index(let operandExpr, let indexExpr):
            return try subscriptValue(try evaluate(operandExpr), try evaluate(indexExpr))
        case .call(let name, let targetExpr, let argExprs):
            let target = try targetExpr.map { (e: CELExpr) throws(CELEvalError) in try evaluate(e) }
            var args: [CELValue] = []
            for argExpr in argExprs { args.append(try evaluate(argExpr)) }
            let result = try CELFunctions.call(name, target: target, args: args)
            try charge(result.size.map { Int($0) / 64 } ?? 0)
            return result
        case .list(let itemExprs):
            var items: [CELValue] = []
            for itemExpr in itemExprs { items.append(try evaluate(itemExpr)) }
            return .list(items)
        case .map(let entryExprs):
            var map = CELMap(keys: [], values: [])
            for entry in entryExprs {
                let key = try evaluate(entry.key)
                switch key {
                case .string, .int, .uint, .bool: break
                default: throw .failure("unsupported map key type '\(key.typeName)'")
                }
                if map.value(for: key) != nil { throw .failure("duplicate map key") }
                map.keys.append(key)
                map.values.append(try evaluate(entry.value))
            }
            return .map(map)
        case .unary(.not, let operandExpr):
            guard case .bool(let b) = try evaluate(operandExpr) else { throw .failure("no such overload: !_") }
            return .bool(!b)
        case .unary(.negate, let operandExpr):
            switch try evaluate(operandExpr) {
            case .int(let i):
                guard i != .min else { throw .failure("integer overflow") }
                return .int(-i)
            case .double(let d): return .double(-d)
            case .duration(let d):
                guard d != .min else { throw .failure("duration overflow") }
                return .duration(-d)
            case let other: throw .failure("no such overload: -\(other.typeName)")
            }
        case .binary(.and, let leftExpr, let rightExpr):
            return try logical(leftExpr, rightExpr, absorbing: false)
        case .binary(.or, let leftExpr, let rightExpr):
            return try logical(leftExpr, rightExpr, absorbing: true)
        case .binary(let op, let leftExpr, let rightExpr):
            let left = try evaluate(leftExpr)
            let right = try evaluate(rightExpr)
            return try CELOperators.apply(op, left, right, charge: { (cost: Int) throws(CELEvalError) in
                try charge(cost)
            })
        case .conditional(let conditionExpr, let thenExpr, let elseExpr):
            guard case .bool(let condition) = try evaluate(conditionExpr) else {
                throw .failure("no such overload: ternary condition is not a bool")
            }
            return try evaluate(condition ? thenExpr : elseExpr)
        case .comprehension(let macro, let rangeExpr, let variable, let value, let predicate, let transform):
            return try comprehension(macro, try evaluate(rangeExpr), (variable, value), predicate, transform)
        }
    }

    /// `&&` (absorbing `false`) or `||` (absorbing `true`): either side decides; an error or a
    /// non-boolean on one side is forgiven when the other side decides.
    private mutating func logical(
        _ leftExpr: CELExpr, _ rightExpr: CELExpr, absorbing: Bool
    ) throws(CELEvalError) -> CELValue {
        var leftError: CELEvalError?
        do throws(CELEvalError) {
            switch try evaluate(leftExpr) {
            case .bool(let b) where b == absorbing: return .bool(absorbing)
            case .bool: break
            default: leftError = .failure("no such overload: \(absorbing ? "||" : "&&") on a non-bool")
            }
        } catch .budgetExhausted(let limit) {
            throw .budgetExhausted(limit)
        } catch {
            leftError = error
        }
        let right: CELValue
        do throws(CELEvalError) {
            right = try evaluate(rightExpr)
        } catch .budgetExhausted(let limit) {
            throw .budgetExhausted(limit)
        } catch {
            throw leftError ?? error
        }
        switch right {
        case .bool(let b) where b == absorbing: return .bool(absorbing)
        case .bool(let b):
            if let leftError { throw leftError }
            return .bool(b)
        default: throw leftError ?? .failure("no such overload: \(absorbing ? "||" : "&&") on a non-bool")
        }
    }

    /// `operand.?field`, and any selection on an optional: empty when the operand is empty or the field
    /// is absent (so `a.?b.c` reads as `a.?b.?c`).
    private func optionalSelect(_ operand: CELValue, _ field: String) throws(CELEvalError) -> CELValue {
        var target = operand
        if case .optional(let wrapped) = operand {
            guard let wrapped else { return operand }
            target = wrapped
        }
        guard target.isMap else {
            throw .failure("type '\(target.typeName)' does not support field selection ('\(field)')")
        }
        return .optional(target.mapValue(.string(CELFieldName.unescape(field))))
    }

    private func subscriptValue(_ operand: CELValue, _ key: CELValue) throws(CELEvalError) -> CELValue {
        if let items = operand.listElements {
            let position: Int64
            switch key {
            case .int(let i): position = i
            case .uint(let u): position = Int64(clamping: u)
            case .double(let d) where d == d.rounded() && abs(d) < 9e18: position = Int64(d)
            default: throw .failure("no such overload: list[\(key.typeName)]")
            }
            guard position >= 0, position < items.count else {
                throw .failure("index out of bounds: \(position)")
            }
            return items[Int(position)]
        }
        if operand.isMap {
            guard let value = operand.mapValue(key) else { throw .failure("no such key: \(CELFunctions.display(key))") }
            return value
        }
        throw .failure("type '\(operand.typeName)' does not support indexing")
    }

    /// Runs a comprehension. With one variable it ranges over list elements or map keys; with two,
    /// over (index, element) or (key, value) pairs.
    private mutating func comprehension(
        _ macro: CELMacro, _ range: CELValue, _ variables: (first: String, second: String?), _ predicate: CELExpr,
        _ transform: CELExpr?
    ) throws(CELEvalError) -> CELValue {
        let pairs: [(CELValue, CELValue)]
        if let items = range.listElements {
            pairs = items.enumerated().map { (.int(Int64($0.offset)), $0.element) }
        } else if let keys = range.mapKeys {
            pairs = keys.map { ($0, variables.second == nil ? $0 : range.mapValue($0) ?? .null) }
        } else {
            throw .failure("type '\(range.typeName)' cannot be iterated")
        }
        let base = scope.count
        scope.append((variables.first, .null))
        if let second = variables.second { scope.append((second, .null)) }
        defer { scope.removeLast(scope.count - base) }
        var pendingError: CELEvalError?
        var count = 0
        var results: [CELValue] = []
        var map = CELMap(keys: [], values: [])
        for (key, element) in pairs {
            try charge()
            if variables.second == nil {
                scope[base].value = element
            } else {
                scope[base].value = key
                scope[base + 1].value = element
            }
            let outcome: CELValue
            do throws(CELEvalError) {
                outcome = try evaluate(predicate)
            } catch .budgetExhausted(let limit) {
                throw .budgetExhausted(limit)
            } catch {
                guard macro == .all || macro == .exists else { throw error }
                pendingError = pendingError ?? error
                continue
            }
            guard case .bool(let satisfied) = outcome else {
                let error = CELEvalError.failure("no such overload: predicate is not a bool")
                guard macro == .all || macro == .exists else { throw error }
                pendingError = pendingError ?? error
                continue
            }
            switch macro {
            case .all: if !satisfied { return .bool(false) }
            case .exists: if satisfied { return .bool(true) }
            case .existsOne: if satisfied { count += 1 }
            case .filter: if satisfied { results.append(element) }
            case .map: if satisfied, let transform { results.append(try evaluate(transform)) }
            case .transformMap:
                if satisfied, let transform {
                    map.keys.append(key)
                    map.values.append(try evaluate(transform))
                }
            case .transformMapEntry:
                guard satisfied, let transform else { continue }
                let entry = try evaluate(transform)
                guard let entryKeys = entry.mapKeys else { throw .failure("transformMapEntry needs a map result") }
                for entryKey in entryKeys {
                    guard map.value(for: entryKey) == nil else {
                        throw .failure("insert failed: key \(CELFunctions.display(entryKey)) already exists")
                    }
                    map.keys.append(entryKey)
                    map.values.append(entry.mapValue(entryKey) ?? .null)
                }
            }
        }
        if let pendingError { throw pendingError }
        switch macro {
        case .all: return .bool(true)
        case .exists: return .bool(false)
        case .existsOne: return .bool(count == 1)
        case .filter, .map: return .list(results)
        case .transformMap, .transformMapEntry: return .map(map)
        }
    }
}
