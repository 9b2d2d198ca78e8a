/// A recursive-descent parser for the CEL grammar (cel-spec langdef), expanding macros as it goes.
struct CELParser {
    /// Deepest parser recursion accepted (each parenthesised, bracketed or argument expression, and each
    /// prefix operator, is one level; a parenthesised expression takes two).
    static let maxNesting = 128
    /// Deepest expression tree accepted (long operator chains make deep trees).
    static let maxDepth = 200

    private static let reserved: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while",
    ]

    private let tokens: [CELToken]
    private var index = 0
    private var nesting = 0

    /// Parses `source` into a tree.
    static func parse(_ source: String) throws(CELParseError) -> CELExpr {
        var lexer = CELLexer(source)
        var parser = CELParser(tokens: try lexer.tokens())
        let expr = try parser.expression()
        let trailing = parser.current
        guard trailing.kind == .end else {
            throw CELParseError(offset: trailing.offset, message: "unexpected \(describe(trailing.kind))")
        }
        return expr
    }

    private init(tokens: [CELToken]) {
        self.tokens = tokens
    }

    private var current: CELToken { tokens[index] }

    private func isPunctuation(_ p: String) -> Bool { current.kind == .punctuation(p) }

    private mutating func accept(_ p: String) -> Bool {
        guard isPunctuation(p) else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ p: String) throws(CELParseError) {
        guard accept(p) else {
            let found = Self.describe(current.kind)
            throw CELParseError(offset: current.offset, message: "expected '\(p)', found \(found)")
        }
    }

    private static func describe(_ kind: CELToken.Kind) -> String {
        switch kind {
        case .int(let v): "integer \(v)"
        case .uint(let v): "unsigned integer \(v)u"
        case .double(let v): "number \(v)"
        case .string: "string literal"
        case .bytes: "bytes literal"
        case .identifier(let name): "'\(name)'"
        case .punctuation(let p): "'\(p)'"
        case .end: "end of expression"
        }
    }

    /// Enters one level of parser recursion, failing past `maxNesting`.
    private mutating func enter() throws(CELParseError) {
        nesting += 1
        guard nesting <= Self.maxNesting else {
            throw CELParseError(offset: current.offset, message: "expression is nested too deeply")
        }
    }

    /// `expr`, once its tree is known to be no deeper than `maxDepth`.
    ///
    /// Every node is checked as it is built, so the recursive depth walk only meets checked subtrees.
    private func checked(_ expr: CELExpr, at offset: Int) throws(CELParseError) -> CELExpr {
        guard expr.depth <= Self.maxDepth else {
            throw CELParseError(offset: offset, message: "expression is nested more than \(Self.maxDepth) levels deep")
        }
        return expr
    }

    private mutating func expression() throws(CELParseError) -> CELExpr {
        try enter()
        defer { nesting -= 1 }
        let condition = try logicalOr()
        let offset = current.offset
        guard accept("?") else { return condition }
        let then = try logicalOr()
        try expect(":")
        let otherwise = try expression()
        return try checked(.conditional(condition, then, otherwise), at: offset)
    }

    private mutating func logicalOr() throws(CELParseError) -> CELExpr {
        var left = try logicalAnd()
        while isPunctuation("||") {
            let offset = current.offset
            index += 1
            left = try checked(.binary(.or, left, try logicalAnd()), at: offset)
        }
        return left
    }

    private mutating func logicalAnd() throws(CELParseError) -> CELExpr {
        var left = try relation()
        while isPunctuation("&&") {
            let offset = current.offset
            index += 1
            left = try checked(.binary(.and, left, try relation()), at: offset)
        }
        return left
    }

    private mutating func relation() throws(CELParseError) -> CELExpr {
        var left = try addition()
        while true {
            let op: CELBinaryOperator
            switch current.kind {
            case .punctuation("=="): op = .equal
            case .punctuation("!="): op = .notEqual
            case .punctuation("<"): op = .less
            case .punctuation("<="): op = .lessOrEqual
            case .punctuation(">"): op = .greater
            case .punctuation(">="): op = .greaterOrEqual
            case .identifier("in"): op = .in
            default: return left
            }
            let offset = current.offset
            index += 1
            left = try checked(.binary(op, left, try addition()), at: offset)
        }
    }

    private mutating func addition() throws(CELParseError) -> CELExpr {
        var left = try multiplication()
        while true {
            let offset = current.offset
            if accept("+") {
                left = try checked(.binary(.add, left, try multiplication()), at: offset)
            } else if accept("-") {
                left = try checked(.binary(.subtract, left, try multiplication()), at: offset)
            } else {
                return left
            }
        }
    }

    private mutating func multiplication() throws(CELParseError) -> CELExpr {
        var left = try unary()
        while true {
            let offset = current.offset
            if accept("*") {
                left = try checked(.binary(.multiply, left, try unary()), at: offset)
            } else if accept("/") {
                left = try checked(.binary(.divide, left, try unary()), at: offset)
            } else if accept("%") {
                left = try checked(.binary(.remainder, left, try unary()), at: offset)
            } else {
                return left
            }
        }
    }

    private mutating func unary() throws(CELParseError) -> CELExpr {
        try enter()
        defer { nesting -= 1 }
        if accept("!") { return .unary(.not, try unary()) }
        if isPunctuation("-") {
            let start = current.offset
            index += 1
            if case .int(let magnitude) = current.kind {
                index += 1
                guard magnitude <= UInt64(Int64.max) + 1 else {
                    throw CELParseError(offset: start, message: "integer literal out of range")
                }
                let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
                return try member(.literal(.int(value)))
            }
            if case .double(let value) = current.kind {
                index += 1
                return try member(.literal(.double(-value)))
            }
            return .unary(.negate, try unary())
        }
        return try member(try primary())
    }

    private mutating func member(_ operand: CELExpr) throws(CELParseError) -> CELExpr {
        var expr = operand
        while true {
            let offset = current.offset
            if isPunctuation("."), tokens[index + 1].kind == .punctuation("?") {
                index += 2
                expr = try checked(.optionalSelect(expr, try identifier()), at: offset)
            } else if isPunctuation("["), tokens[index + 1].kind == .punctuation("?") {
                index += 2
                let subscriptExpr = try expression()
                try expect("]")
                expr = try checked(.optionalIndex(expr, subscriptExpr), at: offset)
            } else if accept(".") {
                let nameOffset = current.offset
                let name = try identifier()
                if accept("(") {
                    let args = try arguments(closing: ")")
                    expr = try checked(try call(name, at: nameOffset, target: expr, args: args), at: offset)
                } else {
                    expr = try checked(.select(expr, name), at: offset)
                }
            } else if accept("[") {
                let subscriptExpr = try expression()
                try expect("]")
                expr = try checked(.index(expr, subscriptExpr), at: offset)
            } else {
                return expr
            }
        }
    }

    private mutating func identifier() throws(CELParseError) -> String {
        guard case .identifier(let name) = current.kind else {
            let found = Self.describe(current.kind)
            throw CELParseError(offset: current.offset, message: "expected identifier, found \(found)")
        }
        guard !Self.reserved.contains(name), !["true", "false", "null", "in"].contains(name) else {
            throw CELParseError(offset: current.offset, message: "reserved word '\(name)' used as identifier")
        }
        index += 1
        return name
    }

    private mutating func arguments(closing: String) throws(CELParseError) -> [CELExpr] {
        var args: [CELExpr] = []
        if accept(closing) { return args }
        repeat {
            if isPunctuation(closing) { break }
            args.append(try expression())
        } while accept(",")
        try expect(closing)
        return args
    }

    private mutating func primary() throws(CELParseError) -> CELExpr {
        let token = current
        switch token.kind {
        case .int(let magnitude):
            index += 1
            guard let value = Int64(exactly: magnitude) else {
                throw CELParseError(offset: token.offset, message: "integer literal out of range")
            }
            return .literal(.int(value))
        case .uint(let value):
            index += 1
            return .literal(.uint(value))
        case .double(let value):
            index += 1
            return .literal(.double(value))
        case .string(let value):
            index += 1
            return .literal(.string(value))
        case .bytes(let value):
            index += 1
            return .literal(.bytes(value))
        case .identifier("true"):
            index += 1
            return .literal(.bool(true))
        case .identifier("false"):
            index += 1
            return .literal(.bool(false))
        case .identifier("null"):
            index += 1
            return .literal(.null)
        case .identifier:
            let name = try identifier()
            guard accept("(") else { return .ident(name) }
            if name == "has" { return try has(at: token.offset) }
            return try call(name, at: token.offset, target: nil, args: try arguments(closing: ")"))
        case .punctuation("("):
            index += 1
            let inner = try expression()
            try expect(")")
            return inner
        case .punctuation("["):
            index += 1
            return .list(try arguments(closing: "]"))
        case .punctuation("{"):
            index += 1
            var entries: [CELMapEntryExpr] = []
            if !accept("}") {
                repeat {
                    if isPunctuation("}") { break }
                    let key = try expression()
                    try expect(":")
                    entries.append(CELMapEntryExpr(key: key, value: try expression()))
                } while accept(",")
                try expect("}")
            }
            return .map(entries)
        case .punctuation("."):
            throw CELParseError(offset: token.offset, message: "leading '.' names are not supported")
        case .punctuation, .end:
            throw CELParseError(offset: token.offset, message: "unexpected \(Self.describe(token.kind))")
        }
    }

    private mutating func has(at offset: Int) throws(CELParseError) -> CELExpr {
        let args = try arguments(closing: ")")
        guard args.count == 1, case .select(let operand, let field) = args[0] else {
            throw CELParseError(offset: offset, message: "has() takes one field selection, as in has(a.b)")
        }
        return .hasField(operand, field)
    }

    /// A call, or the macro it spells (`all`, `exists`, `exists_one`, `map`, `filter` on a receiver).
    private func call(
        _ name: String, at offset: Int, target: CELExpr?, args: [CELExpr]
    ) throws(CELParseError) -> CELExpr {
        let macro: CELMacro? =
            switch name {
            case "all": .all
            case "exists": .exists
            case "exists_one", "existsOne": .existsOne
            case "map", "transformList": .map
            case "filter": .filter
            case "transformMap": .transformMap
            case "transformMapEntry": .transformMapEntry
            default: nil
            }
        guard let macro, let target else {
            if case .ident(let namespace)? = target, CELFunctions.namespaces.contains(namespace) {
                let qualified = "\(namespace).\(name)"
                guard CELFunctions.names.contains(qualified) else {
                    throw CELParseError(offset: offset, message: "undeclared reference to function '\(qualified)'")
                }
                return .call(qualified, target: nil, args: args)
            }
            guard CELFunctions.names.contains(name) else {
                throw CELParseError(offset: offset, message: "undeclared reference to function '\(name)'")
            }
            return .call(name, target: target, args: args)
        }
        let twoVariables = name.hasPrefix("transform") || (macro != .map && macro != .filter && args.count == 3)
        let variableCount = twoVariables ? 2 : 1
        let transforms = name.hasPrefix("transform") || macro == .map
        let arity = transforms ? [variableCount + 1, variableCount + 2] : [variableCount + 1]
        let names = args.prefix(variableCount).compactMap { (arg: CELExpr) -> String? in
            if case .ident(let name) = arg { return name }
            return nil
        }
        guard arity.contains(args.count), names.count == variableCount else {
            let variables = twoVariables ? "two variable names" : "a variable name"
            let rest = transforms ? "one or two expressions" : "one expression"
            throw CELParseError(offset: offset, message: "\(name)() takes \(variables) and \(rest)")
        }
        let value = twoVariables ? names[1] : nil
        let body = Array(args.dropFirst(variableCount))
        guard transforms else {
            return .comprehension(
                macro, range: target, variable: names[0], value: value, predicate: body[0], transform: nil)
        }
        let filter = body.count == 2 ? body[0] : CELExpr.literal(.bool(true))
        return .comprehension(
            macro, range: target, variable: names[0], value: value, predicate: filter, transform: body.last)
    }
}
