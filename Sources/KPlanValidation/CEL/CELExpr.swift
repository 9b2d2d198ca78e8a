/// A parsed CEL expression tree, with macros already expanded into their own cases.
indirect enum CELExpr: Sendable {
    /// A constant.
    case literal(CELValue)
    /// A variable or type name.
    case ident(String)
    /// `operand.field`.
    case select(CELExpr, String)
    /// `operand.?field`: an optional, empty when the field is absent.
    case optionalSelect(CELExpr, String)
    /// `has(operand.field)`.
    case hasField(CELExpr, String)
    /// `operand[index]`.
    case index(CELExpr, CELExpr)
    /// `operand[?index]`: an optional, empty when the key or index is absent.
    case optionalIndex(CELExpr, CELExpr)
    /// `name(args)` or `target.name(args)`.
    case call(String, target: CELExpr?, args: [CELExpr])
    /// `[a, b]`.
    case list([CELExpr])
    /// `{k: v}`.
    case map([CELMapEntryExpr])
    /// `!x`, `-x`.
    case unary(CELUnaryOperator, CELExpr)
    /// Every binary operator, including the logical ones.
    case binary(CELBinaryOperator, CELExpr, CELExpr)
    /// `condition ? then : else`.
    case conditional(CELExpr, CELExpr, CELExpr)
    /// `range.macro(variable, predicate[, transform])`, or with two variables
    /// `range.macro(variable, value, predicate[, transform])`: index and element of a list, key and value
    /// of a map.
    case comprehension(
        CELMacro, range: CELExpr, variable: String, value: String?, predicate: CELExpr, transform: CELExpr?)

    /// True when the tree mentions the variable `name` outside a comprehension that rebinds it.
    func references(_ name: String) -> Bool {
        switch self {
        case .literal: false
        case .ident(let ident): ident == name
        case .select(let operand, _), .optionalSelect(let operand, _), .hasField(let operand, _),
            .unary(_, let operand):
            operand.references(name)
        case .index(let a, let b), .optionalIndex(let a, let b), .binary(_, let a, let b):
            a.references(name) || b.references(name)
        case .call(_, let target, let args):
            (target?.references(name) ?? false) || args.contains { $0.references(name) }
        case .list(let items): items.contains { $0.references(name) }
        case .map(let entries): entries.contains { $0.key.references(name) || $0.value.references(name) }
        case .conditional(let a, let b, let c): a.references(name) || b.references(name) || c.references(name)
        case .comprehension(_, let range, let variable, let value, let predicate, let transform):
            range.references(name)
                || (variable != name && value != name
                    && (predicate.references(name) || (transform?.references(name) ?? false)))
        }
    }

    /// The depth of the tree, which bounds the evaluator's recursion.
    var depth: Int {
        switch self {
        case .literal, .ident: 1
        case .select(let operand, _), .optionalSelect(let operand, _), .hasField(let operand, _),
            .unary(_, let operand):
            operand.depth + 1
        case .index(let a, let b), .optionalIndex(let a, let b), .binary(_, let a, let b): max(a.depth, b.depth) + 1
        case .call(_, let target, let args): max(target?.depth ?? 0, args.map(\.depth).max() ?? 0) + 1
        case .list(let items): (items.map(\.depth).max() ?? 0) + 1
        case .map(let entries): (entries.map { max($0.key.depth, $0.value.depth) }.max() ?? 0) + 1
        case .conditional(let a, let b, let c): max(a.depth, b.depth, c.depth) + 1
        case .comprehension(_, let range, _, _, let predicate, let transform):
            max(range.depth, predicate.depth, transform?.depth ?? 0) + 1
        }
    }
}

/// One `key: value` of a map literal.
struct CELMapEntryExpr: Sendable {
    /// The key expression.
    var key: CELExpr
    /// The value expression.
    var value: CELExpr
}

/// Prefix operators.
enum CELUnaryOperator: Sendable {
    case not
    case negate
}

/// Infix operators, lowest precedence first.
enum CELBinaryOperator: Sendable {
    case or
    case and
    case equal
    case notEqual
    case less
    case lessOrEqual
    case greater
    case greaterOrEqual
    case `in`
    case add
    case subtract
    case multiply
    case divide
    case remainder
}

/// The comprehension macros. `map` with two variables is `transformList`.
enum CELMacro: Sendable {
    case all
    case exists
    case existsOne
    case map
    case filter
    case transformMap
    case transformMapEntry
}
