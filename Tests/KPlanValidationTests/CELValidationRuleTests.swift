import KPlanCore
import Testing

@testable import KPlanValidation

@Suite("CEL validation rule")
struct CELValidationRuleTests {
    static let object = CELTestSupport.node("replicas: 5\nmaxReplicas: 3\nname: web")

    @Test func passingRuleHasNoMessage() {
        let result = CELValidationRule(rule: "self.replicas > 0", message: "must be positive").check(self: Self.object)
        #expect(result.passed)
        #expect(result.message.isEmpty)
    }

    @Test func failingRuleUsesItsMessage() {
        let result = CELValidationRule(rule: "self.replicas <= self.maxReplicas", message: "  too many  ")
            .check(self: Self.object)
        #expect(!result.passed)
        #expect(result.message == "too many")
    }

    @Test func failingRuleWithoutMessageNamesTheRule() {
        let result = CELValidationRule(rule: " self.replicas <= self.maxReplicas ").check(self: Self.object)
        #expect(result == (false, "failed rule: self.replicas <= self.maxReplicas"))
    }

    @Test func messageExpressionWinsWhenItYieldsAString() {
        let rule = CELValidationRule(
            rule: "self.replicas <= self.maxReplicas", message: "static",
            messageExpression: "'replicas ' + string(self.replicas) + ' exceeds ' + string(self.maxReplicas)"
        )
        #expect(rule.check(self: Self.object) == (false, "replicas 5 exceeds 3"))
        let broken = CELValidationRule(rule: "false", message: "static", messageExpression: "self.missing")
        #expect(broken.check(self: Self.object) == (false, "static"))
        let notString = CELValidationRule(rule: "false", messageExpression: "1")
        #expect(notString.check(self: Self.object) == (false, "failed rule: false"))
    }

    @Test func evaluationErrorFailsWithTheError() {
        let result = CELValidationRule(rule: "self.missing == 1", message: "needs missing").check(self: Self.object)
        #expect(!result.passed)
        #expect(result.message == "needs missing: no such key: missing")
    }

    @Test func compileErrorFails() {
        let result = CELValidationRule(rule: "self.replicas >").check(self: Self.object)
        #expect(!result.passed)
        #expect(result.message.hasPrefix("rule compile error: offset 15"))
    }

    @Test func transitionRuleRunsOnlyWithAnOldObject() {
        let rule = CELValidationRule(rule: "self == oldSelf", message: "immutable")
        #expect(rule.check(self: Self.object).passed)
        #expect(rule.check(self: Self.object, oldSelf: Self.object).passed)
        #expect(rule.check(self: Self.object, oldSelf: CELTestSupport.node("replicas: 4")) == (false, "immutable"))
    }

    @Test func optionalOldSelfRunsOnCreateWithAnEmptyOptional() {
        let rule = CELValidationRule(
            rule: "!oldSelf.hasValue() || self.replicas >= oldSelf.value().replicas", message: "no scale down",
            optionalOldSelf: true
        )
        #expect(rule.check(self: Self.object).passed)
        #expect(rule.check(self: Self.object, oldSelf: CELTestSupport.node("replicas: 4")).passed)
        #expect(rule.check(self: Self.object, oldSelf: CELTestSupport.node("replicas: 6")) == (false, "no scale down"))
        let strict = CELValidationRule(rule: "oldSelf.value() == self", message: "m", optionalOldSelf: true)
        #expect(strict.check(self: Self.object) == (false, "m: optional.none() dereference"))
    }

    @Test func optionalValues() {
        for rule in [
            "optional.of(1).hasValue() && !optional.none().hasValue()",
            "optional.none().orValue(5) == 5 && optional.of(2).orValue(5) == 2",
            "!optional.ofNonZeroValue('').hasValue() && optional.ofNonZeroValue('x').value() == 'x'",
            "optional.of(1) == optional.of(1) && optional.none() == optional.none() && optional.of(1) != optional.none()",
            "self.?nested.?inner.?value.orValue(0) == 7 && !self.?missing.hasValue()",
            "self.?nested.inner.value.value() == 7 && !self.?missing.inner.hasValue()",
            "self.labels[?'app'].value() == 'web' && !self.labels[?'none'].hasValue()",
            "self.list[?0].value() == 1 && !self.list[?3].hasValue() && self.port > 1 ? true : false",
        ] {
            #expect(CELEvaluationTests.outcome(rule) == .passed, "\(rule)")
        }
    }

    @Test func readsAValidationsEntry() throws {
        let entry = CELTestSupport.node("""
            rule: self.a
            message: m
            messageExpression: "'x'"
            reason: FieldValueForbidden
            fieldPath: .a
            optionalOldSelf: true
            """)
        let rule = try #require(CELValidationRule(entry))
        #expect(rule.rule == "self.a")
        #expect(rule.message == "m")
        #expect(rule.messageExpression == "'x'")
        #expect(rule.reason == "FieldValueForbidden")
        #expect(rule.fieldPath == ".a")
        #expect(rule.optionalOldSelf)
        #expect(CELValidationRule(CELTestSupport.node("message: no rule")) == nil)
        let schema = CELTestSupport.node("""
            type: object
            x-kubernetes-validations:
            - rule: self.a > 0
            - message: no rule here
            - rule: self.b > 0
              message: b
            """)
        #expect(CELValidationRule.rules(of: schema).map(\.rule) == ["self.a > 0", "self.b > 0"])
        #expect(CELValidationRule.rules(of: CELTestSupport.node("type: object")).isEmpty)
    }
}

@Suite("CEL defaulting")
struct CELDefaultingTests {
    static let schema = CELTestSupport.node("""
        type: object
        properties:
          kind: {type: string, default: Service}
          group: {type: string, default: ""}
          note: {type: string, nullable: true, default: x}
          tls:
            type: object
            default: {}
            properties:
              mode: {type: string, default: Terminate}
          refs:
            type: array
            items:
              type: object
              properties:
                weight: {type: integer, default: 1}
        """)

    @Test func fillsAbsentAndNullFieldsFromTheRootDown() throws {
        let object = CELTestSupport.node("""
            group: null
            note: null
            refs:
            - name: a
            - name: b
              weight: 5
            """)
        let defaulted = CELDefaulting.apply(to: object, schema: Self.schema)
        #expect(defaulted["kind"]?.string == "Service")
        #expect(defaulted["group"]?.string == "")
        #expect(defaulted["note"]?.isNull == true)
        #expect(defaulted[path: "tls", "mode"]?.string == "Terminate")
        #expect(defaulted["refs"]?.items?.map { $0["weight"]?.int } == [1, 5])
        #expect(defaulted["kind"]?.range == object.range)
        let rule = CELValidationRule(rule: "size(self.group) == 0 && self.kind == 'Service' && self.tls.mode == 'Terminate'")
        #expect(!rule.check(self: object, schema: Self.schema).passed)
        #expect(rule.check(self: defaulted, schema: Self.schema).passed)
    }
}
