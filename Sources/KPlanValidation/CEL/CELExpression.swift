import Foundation
import KPlanCore

/// A parsed CEL expression, as used in CRD `x-kubernetes-validations` rules: immutable, thread-safe,
/// and cheap to evaluate many times.
public struct CELExpression: Sendable {
    /// The source text.
    public let source: String
    /// True when the expression mentions `oldSelf`, making it a transition rule that Kubernetes
    /// evaluates only on update.
    public let referencesOldSelf: Bool
    /// The parsed tree.
    let root: CELExpr

    /// The default step budget per evaluation (one step per node evaluated or element iterated, more for
    /// large strings and lists built): generous for real rules, small enough to stop a hostile one fast.
    public static let defaultMaxSteps = 1_000_000

    /// Parses `source`. A call to a function the evaluator does not know is a parse error, as the API
    /// server's compile step rejects it when the CRD is written.
    public static func parse(_ source: String) throws(CELParseError) -> CELExpression {
        let root = try CELParser.parse(source)
        return CELExpression(source: source, referencesOldSelf: root.references("oldSelf"), root: root)
    }

    /// Parses `source`, reusing an earlier parse of the same text.
    public static func cached(_ source: String) throws(CELParseError) -> CELExpression {
        try CELExpressionCache.shared.expression(for: source)
    }

    /// Evaluates the expression as a validation rule with `self` (and `oldSelf`, when given) bound.
    ///
    /// A result that is not a boolean is an error. With `schema` (the OpenAPI schema of `self`, which
    /// also describes `oldSelf`), values take the CEL types Kubernetes derives from it: number fields are
    /// doubles, `format: duration`/`date-time`/`date`/`byte` strings are durations, timestamps and bytes,
    /// set and map lists compare without regard to order, undeclared fields are absent and nulls stay
    /// only in `nullable` fields. Without it, scalars keep their YAML types and null fields are absent.
    /// Defaults are not applied here: see `CELDefaulting`. With `optionalOldSelf`, `oldSelf` is an
    /// optional value: `optional.none()` when `oldSelf` is nil.
    public func evaluate(
        self value: Node, oldSelf: Node? = nil, schema: Node? = nil, optionalOldSelf: Bool = false,
        maxSteps: Int = defaultMaxSteps
    ) -> CELOutcome {
        do throws(CELEvalError) {
            let result = try run(
                self: value, oldSelf: oldSelf, schema: schema, optionalOldSelf: optionalOldSelf, maxSteps: maxSteps)
            switch result {
            case .bool(true): return .passed
            case .bool(false): return .failed
            case let other: return .error("rule evaluated to \(other.typeName), not bool")
            }
        } catch {
            return .error(error.message)
        }
    }

    /// Evaluates the expression to a string, as a `messageExpression` must; the arguments are as for
    /// `evaluate`.
    public func evaluateString(
        self value: Node, oldSelf: Node? = nil, schema: Node? = nil, optionalOldSelf: Bool = false,
        maxSteps: Int = defaultMaxSteps
    ) -> Result<String, CELEvaluationFailure> {
        do throws(CELEvalError) {
            let result = try run(
                self: value, oldSelf: oldSelf, schema: schema, optionalOldSelf: optionalOldSelf, maxSteps: maxSteps)
            guard case .string(let text) = result else {
                return .failure(CELEvaluationFailure(message: "messageExpression must evaluate to a string"))
            }
            return .success(text)
        } catch {
            return .failure(CELEvaluationFailure(message: error.message))
        }
    }

    /// The raw value of the expression.
    func run(
        self value: Node, oldSelf: Node?, schema: Node? = nil, optionalOldSelf: Bool = false, maxSteps: Int
    ) throws(CELEvalError) -> CELValue {
        var variables: [(name: String, value: CELValue)] = [("self", CELValue(value, schema: schema))]
        let old = oldSelf.map { CELValue($0, schema: schema) }
        if optionalOldSelf {
            variables.append(("oldSelf", .optional(old)))
        } else if let old {
            variables.append(("oldSelf", old))
        }
        var evaluator = CELEvaluator(variables: variables, maxSteps: maxSteps)
        return try evaluator.evaluate(root)
    }
}

/// Why an expression produced no usable value.
public struct CELEvaluationFailure: Error, Sendable, Hashable {
    /// What went wrong.
    public var message: String
}

/// Parsed expressions by source text, shared across threads.
final class CELExpressionCache: @unchecked Sendable {
    /// The process-wide cache.
    static let shared = CELExpressionCache()

    private let lock = NSLock()
    private var parsed: [String: Result<CELExpression, CELParseError>] = [:]
    /// Entries kept before the cache starts over, so hostile input cannot grow it without bound.
    private static let capacity = 16_384

    /// The parse of `source`, from the cache when seen before.
    func expression(for source: String) throws(CELParseError) -> CELExpression {
        lock.lock()
        let hit = parsed[source]
        lock.unlock()
        let result: Result<CELExpression, CELParseError>
        if let hit {
            result = hit
        } else {
            do throws(CELParseError) {
                result = .success(try CELExpression.parse(source))
            } catch {
                result = .failure(error)
            }
            lock.lock()
            if parsed.count >= Self.capacity { parsed.removeAll() }
            parsed[source] = result
            lock.unlock()
        }
        return try result.get()
    }
}
