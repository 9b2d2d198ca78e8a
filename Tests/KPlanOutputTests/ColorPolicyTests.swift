import Testing
import KPlanOutput

@Suite struct ColorPolicyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var policy: ColorPolicy
        var environment: [String: String]
        var isTerminal: Bool
        var expected: Bool

        var testDescription: String { "\(policy) \(environment) tty=\(isTerminal) -> \(expected)" }
    }

    @Test(arguments: [
        Case(policy: .auto, environment: [:], isTerminal: true, expected: true),
        Case(policy: .auto, environment: [:], isTerminal: false, expected: false),
        Case(policy: .auto, environment: ["NO_COLOR": "1"], isTerminal: true, expected: false),
        Case(policy: .auto, environment: ["NO_COLOR": "false"], isTerminal: true, expected: false),
        Case(policy: .auto, environment: ["NO_COLOR": ""], isTerminal: true, expected: true),
        Case(policy: .auto, environment: ["TERM": "dumb"], isTerminal: true, expected: false),
        Case(policy: .auto, environment: ["TERM": "xterm-256color"], isTerminal: true, expected: true),
        Case(policy: .always, environment: [:], isTerminal: false, expected: true),
        Case(policy: .always, environment: ["NO_COLOR": "1", "TERM": "dumb"], isTerminal: false, expected: true),
        Case(policy: .never, environment: [:], isTerminal: true, expected: false),
        Case(policy: .never, environment: ["TERM": "xterm"], isTerminal: true, expected: false),
    ])
    func resolve(_ testCase: Case) {
        #expect(
            ColorPolicy.resolve(testCase.policy, environment: testCase.environment, isTerminal: testCase.isTerminal)
                == testCase.expected
        )
    }

    @Test func alwaysAndNeverIgnoreTheProcess() {
        #expect(ColorPolicy.always.resolvedForStandardOutput())
        #expect(!ColorPolicy.never.resolvedForStandardOutput())
    }

    @Test func policiesParseFromTheirFlagValues() {
        #expect(ColorPolicy(rawValue: "auto") == .auto)
        #expect(ColorPolicy(rawValue: "always") == .always)
        #expect(ColorPolicy(rawValue: "never") == .never)
        #expect(ColorPolicy(rawValue: "sometimes") == nil)
    }
}
