import Foundation
import Testing

@testable import KPlanValidation

@Suite("CEL regular expressions")
struct CELRegexTests {
    /// (pattern, text, matches) as RE2 decides.
    @Test(arguments: [
        ("abc", "xxabcxx", true),
        ("^abc$", "abc", true),
        ("^abc$", "abc\n", false),
        ("(?m)^b$", "a\nb\nc", true),
        ("^$", "", true),
        ("a.c", "a\nc", false),
        ("(?s)a.c", "a\nc", true),
        ("colou?r", "color", true),
        ("^a{2,3}$", "aaaa", false),
        ("^a{2,3}$", "aaa", true),
        ("^a{2}$", "aa", true),
        ("^a{2,}$", "aaaaa", true),
        ("^a{,2}$", "a{,2}", true),
        ("^(ab|cd)+$", "abcdab", true),
        ("^(ab|cd)+$", "abca", false),
        ("^(?:x|)y$", "y", true),
        ("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "my-name-1", true),
        ("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "-bad", false),
        ("^[^a-c]+$", "xyz", true),
        ("^[^a-c]+$", "xbz", false),
        ("^[]a]+$", "]a]", true),
        ("^[a-]+$", "-a-", true),
        ("^[\\d.]+$", "1.2.3", true),
        ("^[[:alpha:]]+$", "abcXYZ", true),
        ("^[[:^digit:]]+$", "ab1", false),
        ("^\\d+\\s\\w+$", "12 ab_c", true),
        ("^\\D+$", "ab1", false),
        ("(?i)^abc$", "AbC", true),
        ("^(?i:a)b$", "Ab", true),
        ("^(?i:a)b$", "AB", false),
        ("(?i)^[a-z]+$", "ÀB", false),
        ("(?i)^é$", "É", true),
        ("\\bcat\\b", "a cat sat", true),
        ("\\bcat\\b", "concatenate", false),
        ("\\Bcat\\B", "concatenate", true),
        ("\\Aab\\z", "ab", true),
        ("^\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$", "grpc.health.v1", true),
        ("^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$", "/foo%20bar", true),
        ("^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$", "/foo%2", false),
        ("^(?P<word>\\w+)$", "abc", true),
        ("^\\x41\\x{42}$", "AB", true),
        ("^😀+$", "😀😀", true),
        ("^.$", "😀", true),
        ("(a*)*b", "aaab", true),
        ("(a|b)*?c", "ababc", true),
    ])
    func matchesLikeRE2(pattern: String, text: String, expected: Bool) throws {
        let regex = try CELRegexCompiler.compile(pattern)
        #expect(regex.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
    }

    @Test(arguments: ["(", "a)", "[a", "a**", "*a", "a{2,1}", "a{1001}", "\\q", "[z-a]", "(?z)", "x{1000}{1000}"])
    func rejectsInvalidPatterns(pattern: String) {
        #expect(throws: CELRegexCompiler.Failure.self, "\(pattern)") { try CELRegexCompiler.compile(pattern) }
        #expect(CELEvaluationTests.outcome("'a'.matches(r'\(pattern)')") != .passed)
    }

    @Test func unicodeClassesFallBackToICU() {
        #expect(throws: CELRegexCompiler.Failure.self) { try CELRegexCompiler.compile("\\p{L}+") }
        #expect(CELEvaluationTests.outcome("'héllo'.matches(r'^\\p{L}+$')") == .passed)
    }

    @Test func catastrophicPatternsRunInLinearTime() throws {
        let regex = try CELRegexCompiler.compile("^(a+)+$")
        let text = String(repeating: "a", count: 5000) + "!"
        let start = Date()
        #expect(!regex.matches(text))
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(CELEvaluationTests.outcome("'\(text)'.matches('^(a|aa)*$')") == .failed)
    }

    /// Every pattern the corpus rules use agrees with ICU on the example strings.
    @Test func agreesWithICUOnCorpusPatterns() throws {
        let patterns = [
            "^[A-Za-z_][A-Za-z_0-9]*$",
            "^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$",
            "^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$",
            "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$",
            "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$",
            "^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
        ]
        let texts = [
            "", "a", "example.com", "*.example.com", "Foo_bar", "foo.bar/baz", "/path/to%2Fx", "/bad path",
            "grpc.Health", ".svc", "a-", "-a", "UPPER", "x/y/z", "example.com/my-key", "%zz", "a..b", "😀",
        ]
        for pattern in patterns {
            let regex = try CELRegexCompiler.compile(pattern)
            let icu = try NSRegularExpression(pattern: CELRegexCache.icuPattern(pattern))
            for text in texts {
                let range = NSRange(text.startIndex..<text.endIndex, in: text)
                let expected = icu.firstMatch(in: text, range: range) != nil
                #expect(regex.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
            }
        }
    }
}
