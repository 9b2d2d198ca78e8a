import Testing

@testable import KPlanValidation

/// Compares the hand-written matchers with the API server's regexes, and pins the messages.
@Suite struct SemanticNameSyntaxTests {
    /// Whether `value` matches `format` as Go's `^format$` does.
    private func regexAccepts(_ format: String, _ value: String) throws -> Bool {
        let regex = try Regex(format)
        return value.wholeMatch(of: regex) != nil
    }

    private static let samples = [
        "", "a", "A", "0", "-", ".", "..", "_", "a-b", "a--b", "-a", "a-", "a.b", "a..b", ".a", "a.", "a_b",
        "Ab", "my-name", "123-abc", "example.com", "Example.com", "a.b-c.d", "a b", "é", "a/b", "abc-123",
        "1abc", "key.name", "KEY_NAME", "a.-b", "a-.b", "x1", "1x-",
    ]

    @Test(arguments: samples)
    func dns1123LabelAgreesWithTheRegex(_ value: String) throws {
        let accepted = try regexAccepts(NameSyntax.dns1123LabelFormat, value)
        #expect(NameSyntax.dns1123Label(value).isEmpty == accepted)
    }

    @Test(arguments: samples)
    func dns1123SubdomainAgreesWithTheRegex(_ value: String) throws {
        let accepted = try regexAccepts(NameSyntax.dns1123SubdomainFormat, value)
        #expect(NameSyntax.dns1123Subdomain(value).isEmpty == accepted)
    }

    @Test(arguments: samples)
    func dns1035LabelAgreesWithTheRegex(_ value: String) throws {
        let accepted = try regexAccepts(NameSyntax.dns1035LabelFormat, value)
        #expect(NameSyntax.dns1035Label(value).isEmpty == accepted)
    }

    @Test(arguments: samples)
    func labelValueAgreesWithTheRegex(_ value: String) throws {
        let accepted = try regexAccepts(NameSyntax.labelValueFormat, value)
        #expect(NameSyntax.labelValue(value).isEmpty == accepted)
    }

    @Test(arguments: samples)
    func configMapKeyAgreesWithTheRegexAndDotRules(_ value: String) throws {
        let accepted = try regexAccepts(NameSyntax.configMapKeyFormat, value) && !value.hasPrefix("..") && value != "."
        #expect(NameSyntax.configMapKey(value).isEmpty == accepted)
    }

    @Test(arguments: samples + ["*.example.com", "*.a", "*", "*.", "**.a", "a.*.b", "*.A"])
    func wildcardSubdomainAgreesWithTheRegex(_ value: String) throws {
        let accepted = try regexAccepts(NameSyntax.wildcardDNS1123SubdomainFormat, value)
        #expect(NameSyntax.wildcardDNS1123Subdomain(value).isEmpty == accepted)
    }

    @Test(arguments: [
        ("1.2.3.4", true), ("10.0.0.255", true), ("256.1.1.1", false), ("1.2.3", false), ("a.b.c.d", false),
        ("1.2.3.4.5", false), ("01.2.3.4", true),
    ])
    func ipv4AddressesAreRecognised(_ value: String, _ isAddress: Bool) {
        #expect(NameSyntax.isIPv4Address(value) == isAddress)
    }

    @Test(arguments: [
        ("my-name", true), ("123-abc", true), ("a", true), ("0", true), ("My-name", false), ("-a", false),
        ("a-", false), ("a.b", false), ("a_b", false), ("", false),
        (String(repeating: "a", count: 63), true), (String(repeating: "a", count: 64), false),
    ])
    func dns1123LabelTable(_ value: String, _ valid: Bool) {
        #expect(NameSyntax.dns1123Label(value).isEmpty == valid)
    }

    @Test(arguments: [
        ("example.com", true), ("a.b.c", true), ("a", true), ("a..b", false), (".a", false), ("a.", false),
        ("A.com", false), (String(repeating: "a", count: 253), true), (String(repeating: "a", count: 254), false),
    ])
    func dns1123SubdomainTable(_ value: String, _ valid: Bool) {
        #expect(NameSyntax.dns1123Subdomain(value).isEmpty == valid)
    }

    @Test(arguments: [
        ("my-name", true), ("abc-123", true), ("1abc", false), ("a.b", false), ("-a", false),
        (String(repeating: "a", count: 64), false),
    ])
    func dns1035LabelTable(_ value: String, _ valid: Bool) {
        #expect(NameSyntax.dns1035Label(value).isEmpty == valid)
    }

    @Test(arguments: [
        ("MyName", true), ("my.name", true), ("123-abc", true), ("example.com/MyName", true),
        ("app.kubernetes.io/name", true), ("a/b/c", false), ("/name", false), ("prefix/", false),
        ("Example.com/name", false), ("-name", false), ("name_", false), ("", false),
        (String(repeating: "a", count: 63), true), (String(repeating: "a", count: 64), false),
        (String(repeating: "a", count: 253) + "/n", true), (String(repeating: "a", count: 254) + "/n", false),
    ])
    func qualifiedNameTable(_ value: String, _ valid: Bool) {
        #expect(NameSyntax.qualifiedName(value).isEmpty == valid)
    }

    @Test(arguments: [
        ("http", true), ("web-8080", true), ("a", true), ("8080", false), ("HTTP", false), ("-http", false),
        ("http-", false), ("ht--tp", false), ("http_s", false), ("abcdefghijklmno", true),
        ("abcdefghijklmnop", false), ("", false),
    ])
    func portNameTable(_ value: String, _ valid: Bool) {
        #expect(NameSyntax.portName(value).isEmpty == valid)
    }

    @Test(arguments: [(0, false), (1, true), (80, true), (65535, true), (65536, false), (-1, false)])
    func portNumberTable(_ value: Int64, _ valid: Bool) {
        #expect(NameSyntax.portNumber(value).isEmpty == valid)
    }

    @Test(arguments: [
        ("admin", false, true), (".", false, false), ("..", false, false), ("a/b", false, false),
        ("50%", false, false), ("system:admin", false, true), (".", true, true), ("a/", true, false),
    ])
    func pathSegmentNameTable(_ value: String, _ prefix: Bool, _ valid: Bool) {
        #expect(NameSyntax.pathSegmentName(value, prefix: prefix).isEmpty == valid)
    }

    @Test func generateNameMaskingReplacesTheLastTwoBytes() {
        #expect(NameSyntax.maskTrailingDash("web-") == "wea")
        #expect(NameSyntax.maskTrailingDash("-") == "-")
        #expect(NameSyntax.maskTrailingDash("web") == "web")
    }

    @Test func messagesMatchTheAPIServer() {
        #expect(
            NameSyntax.dns1123Subdomain("Web") == [
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
            ])
        #expect(NameSyntax.dns1123Label("a.b") == ["must not contain dots"])
        #expect(
            NameSyntax.dns1123Label("-a") == [
                "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
            ])
        #expect(NameSyntax.qualifiedName("/x") == ["prefix part must be non-empty"])
        #expect(
            NameSyntax.portName("-A") == [
                "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "must contain at least one letter (a-z)", "must not begin or end with a hyphen",
            ])
        #expect(NameSyntax.dns1123Label(String(repeating: "a", count: 64)) == ["must be no more than 63 characters"])
    }
}
