import KPlanCore
import KPlanYAML
import Testing

@testable import KPlanValidation

@Suite("CEL evaluation")
struct CELEvaluationTests {
    /// The object most cases run against.
    static let object = """
        name: café
        emoji: "😀x"
        port: 80
        ratio: 0.5
        enabled: true
        empty: ""
        nothing: null
        namespace: prod
        dashed-key: 1
        list: [1, 2, 3]
        names: [a, b, a]
        labels: {app: web, tier: front}
        durations: {short: 1s, long: 1h30m}
        nested: {inner: {value: 7}}
        hosts: ["example.com", "*.example.com", "10.0.0.1"]
        """

    static func outcome(_ rule: String) -> CELOutcome {
        do {
            return try CELExpression.parse(rule).evaluate(self: CELTestSupport.node(object))
        } catch {
            return .error("parse: \(error)")
        }
    }

    @Test(arguments: [
        "self.port == 80",
        "self.port == 80.0 && self.port == 80u && 80u < 81 && 0.5 < 1",
        "self.ratio * 2.0 == 1.0",
        "self.enabled",
        "self.name.size() == 4 && size(self.name) == 4",
        "self.emoji.size() == 2",
        "self.list.size() == 3 && self.labels.size() == 2",
        "has(self.port) && !has(self.missing)",
        "!has(self.nothing)",
        "has(self.nested.inner)",
        "has(self.__namespace__) && self.__namespace__ == 'prod'",
        "self.dashed__dash__key == 1",
        "'app' in self.labels && !('web' in self.labels)",
        "2 in self.list && !(4 in self.list)",
        "self.labels['app'] == 'web' && self.labels.tier == 'front'",
        "self.list[0] + self.list[2] == 4",
        "self.list.all(x, x > 0) && !self.list.all(x, x > 1)",
        "self.list.exists(x, x == 2) && !self.list.exists(x, x == 5)",
        "self.list.exists_one(x, x > 2) && !self.list.exists_one(x, x > 1)",
        "self.names.filter(n, n == 'a').size() == 2",
        "self.list.map(x, x * x) == [1, 4, 9]",
        "self.labels.all(k, k.size() > 2)",
        "self.labels.map(k, k) == ['app', 'tier']",
        "self.list.all(i, v, v == i + 1) && self.labels.all(k, v, k.size() > 2 && v.size() > 2) && !self.labels.all(k, v, v == 'web')",
        "self.list.exists(i, v, i == 2 && v == 3) && self.list.existsOne(i, v, v > 2)",
        "self.labels.exists_one(k, v, v == 'web') && !self.names.existsOne(i, n, n == 'a')",
        "self.list.transformList(i, v, v * i) == [0, 2, 6] && self.list.transformList(i, v, i > 0, v) == [2, 3]",
        "self.labels.transformMap(k, v, v + '!') == {'app': 'web!', 'tier': 'front!'}",
        "self.labels.transformMap(k, v, k == 'app', v) == {'app': 'web'}",
        "self.labels.transformMapEntry(k, v, {v: k}) == {'web': 'app', 'front': 'tier'}",
        "self.list.transformMap(i, v, v * 10) == {0: 10, 1: 20, 2: 30}",
        "self.nested == {'inner': {'value': 7}}",
        "self.list == [1, 2, 3] && self.list != [1, 2]",
        "[1, 'a'] != [1, 2] && 1 != 'a'",
        "self.name.contains('af') && self.name.startsWith('ca') && self.name.endsWith('é')",
        "self.name.matches('^c.f') && !self.name.matches('^af') && self.name.matches('af')",
        "'abc\\n'.matches('^abc$') == false",
        "'Hello'.lowerAscii() == 'hello' && 'Hello'.upperAscii() == 'HELLO'",
        "' x '.trim() == 'x'",
        "'a/b/c'.split('/') == ['a', 'b', 'c'] && 'a/b/c'.split('/', 2) == ['a', 'b/c']",
        "['a', 'b'].join('-') == 'a-b' && ['a', 'b'].join() == 'ab'",
        "'banana'.indexOf('an') == 1 && 'banana'.lastIndexOf('an') == 3 && 'banana'.indexOf('x') == -1",
        "'café!'.indexOf('!') == 4",
        "'banana'.replace('a', 'o') == 'bonono' && 'banana'.replace('a', 'o', 1) == 'bonana'",
        "'abc'.replace('', '-') == '-a-b-c-' && 'abc'.replace('', '-', 2) == '-a-bc'",
        "'héllo'.charAt(1) == 'é' && 'abc'.charAt(3) == '' && 'a,b'.split('') == ['a', ',', 'b']",
        "'*.example.com'.substring(2) == 'example.com' && 'hello'.substring(1, 3) == 'el'",
        "self.hosts.all(h, h.contains('*') ? h.startsWith('*.') : true)",
        "isIP('10.0.0.1') && isIP('::1') && isIP('2001:db8::8a2e:370:7334')",
        "!isIP('example.com') && !isIP('010.0.0.1') && !isIP('::ffff:1.2.3.4') && !isIP('fe80::1%eth0')",
        "isCIDR('10.0.0.0/8') && isCIDR('2001:db8::/32') && !isCIDR('10.0.0.0/33') && !isCIDR('10.0.0.0')",
        "self.hosts.filter(h, isIP(h)).size() == 1",
        "duration(self.durations.short) < duration(self.durations.long)",
        "duration('1h30m') == duration('90m') && duration('1.5s') > duration('1500ms') == false",
        "duration('0s') == duration('0') && string(duration('90s')) == '90s'",
        "int('42') == 42 && string(42) == '42' && double(1) == 1.0 && uint(3) == 3u",
        "type(1) == int && type('a') == string && type(self.list) == list && type(self.labels) == map",
        "[3, 1, 2].max() == 3 && [3, 1, 2].min() == 1 && [1, 2, 3].sum() == 6",
        "[1, 2, 3].isSorted() && ![2, 1].isSorted() && ['a', 'b'].indexOf('b') == 1",
        "self.port > 1 ? true : false",
        "(has(self.x) ? self.x : 1) == 1",
        "format.dns1123Label().validate('my-label') == null",
        "format.dns1123Label().validate('My_Label') != null",
        "self.empty == '' && size(self.empty) == 0",
        "[has(self.port), has(self.missing), has(self.labels)].filter(x, x).size() == 2",
    ])
    func passes(rule: String) {
        #expect(Self.outcome(rule) == .passed, "\(rule)")
    }

    @Test(arguments: [
        "self.port == 81",
        "self.port == '80'",
        "self.list.all(x, x > 1)",
        "self.names.exists_one(n, n == 'a')",
        "has(self.missing)",
        "self.name.matches('^x')",
        "'x' in self.names",
        "isIP('1.2.3')",
    ])
    func fails(rule: String) {
        #expect(Self.outcome(rule) == .failed, "\(rule)")
    }

    /// Rules that are errors, with a fragment of the message.
    @Test(arguments: [
        ("self.missing == 1", "no such key: missing"),
        ("self.nested.other.value == 1", "no such key: other"),
        ("self.list[3] == 1", "index out of bounds"),
        ("self.port + 'a' == 'b'", "no such overload"),
        ("self.port.size() == 1", "no matching overload"),
        ("self.port < 'a'", "no such overload"),
        ("9223372036854775807 + 1 > 0", "overflow"),
        ("-9223372036854775808 - 1 < 0", "overflow"),
        ("-(-9223372036854775807 - 1) > 0", "overflow"),
        ("4611686018427387904 * 2 > 0", "overflow"),
        ("(-9223372036854775807 - 1) / -1 > 0", "overflow"),
        ("0u - 1u > 0u", "overflow"),
        ("1 / 0 == 0", "division by zero"),
        ("1 % 0 == 0", "modulus by zero"),
        ("self.port", "not bool"),
        ("true && self.missing", "no such key"),
        ("self.missing || false", "no such key"),
        ("self.list.all(x, x == 1 || x.missing)", "does not support field selection"),
        ("duration('soon') > duration('1s')", "invalid duration"),
        ("'a'.matches('(') ", "invalid regular expression"),
        ("undefinedVar == 1", "undeclared reference"),
        ("has(self.port.x)", "has()"),
        ("{'a': 1, 'a': 2}.size() == 1", "duplicate map key"),
        ("self.list.exists_one(x, x.y)", "does not support field selection"),
        ("int('x') == 1", "cannot convert"),
        ("self.names.transformMapEntry(i, n, {n: i}).size() == 2", "already exists"),
        ("self.list.all(i, v, v.x)", "does not support field selection"),
        ("'abc'.substring(2, 1) == ''", "invalid substring range"),
        ("'abc'.substring(4) == ''", "index out of range"),
    ])
    func errors(rule: String, fragment: String) {
        guard case .error(let message) = Self.outcome(rule) else {
            Issue.record("\(rule) did not error: \(Self.outcome(rule))")
            return
        }
        #expect(message.contains(fragment), "\(rule): \(message)")
    }

    /// `&&` and `||` are commutative and absorb an error when the other side decides.
    @Test(arguments: [
        ("false && self.missing", CELOutcome.failed),
        ("self.missing && false", .failed),
        ("true || self.missing", .passed),
        ("self.missing || true", .passed),
        ("self.missing == 1 || self.port == 80", .passed),
        ("1 && false", .failed),
        ("self.list.exists(x, x.missing) || true", .passed),
        ("self.list.all(x, x == 1 && x.y)", .failed),
        ("self.list.exists(x, x == 2 || x.y)", .passed),
        ("!has(self.cookie) || self.cookie.lifetimeType == 'Permanent'", .passed),
    ])
    func absorbsErrors(rule: String, expected: CELOutcome) {
        #expect(Self.outcome(rule) == expected, "\(rule)")
    }

    @Test func conditionalEvaluatesOnlyTheChosenBranch() {
        #expect(Self.outcome("self.port == 80 ? true : self.missing") == .passed)
        #expect(Self.outcome("self.port != 80 ? self.missing : false") == .failed)
    }

    @Test func budgetStopsAHostileRule() throws {
        let hostile = "self.list.all(a, self.list.all(b, self.list.all(c, self.list.all(d, self.list.all(e, "
            + "[1,2,3,4,5,6,7,8,9,10].all(f, [1,2,3,4,5,6,7,8,9,10].all(g, g > 0)))))))"
        let expression = try CELExpression.parse(hostile)
        let node = CELTestSupport.node("list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]")
        guard case .error(let message) = expression.evaluate(self: node, maxSteps: 100_000) else {
            Issue.record("budget was not enforced")
            return
        }
        #expect(message.contains("budget"))
        #expect(expression.evaluate(self: CELTestSupport.node("list: [1]"), maxSteps: 100_000) == .passed)
    }

    @Test func budgetErrorsAreNotAbsorbed() throws {
        let expression = try CELExpression.parse("self.list.all(a, self.list.all(b, b > 0)) || true")
        let node = CELTestSupport.node("list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]")
        #expect(expression.evaluate(self: node, maxSteps: 50) == .error("evaluation budget of 50 steps exhausted"))
    }

    @Test func oldSelfIsBoundWhenGiven() throws {
        let expression = try CELExpression.parse("self == oldSelf")
        #expect(expression.evaluate(self: CELTestSupport.node("a: 1"), oldSelf: CELTestSupport.node("a: 1")) == .passed)
        #expect(expression.evaluate(self: CELTestSupport.node("a: 1"), oldSelf: CELTestSupport.node("a: 2")) == .failed)
        guard case .error = expression.evaluate(self: CELTestSupport.node("a: 1")) else {
            Issue.record("oldSelf should be undeclared without an old object")
            return
        }
    }

    @Test func evaluatesConcurrently() async throws {
        let node = CELTestSupport.node(Self.object)
        let outcomes = await withTaskGroup(of: CELOutcome.self) { group in
            for i in 0..<64 {
                group.addTask {
                    let rule = "self.name.matches(r'^c[a-z]+\\d{0,\(i % 4)}') && self.list.all(x, x < \(i + 4))"
                    return (try? CELExpression.cached(rule))?.evaluate(self: node) ?? .error("did not parse")
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == 64)
        #expect(outcomes.allSatisfy { $0 == .passed }, "\(outcomes)")
    }

    @Test func scalarSelf() throws {
        let node = CELTestSupport.node("\"10s\"")
        #expect(try CELExpression.parse("duration(self) <= duration('1h')").evaluate(self: node) == .passed)
        #expect(try CELExpression.parse("self.size() == 3").evaluate(self: node) == .passed)
    }
}

@Suite("CEL Kubernetes libraries")
struct CELLibraryTests {
    @Test(arguments: [
        "ip('10.0.0.1').family() == 4 && ip('::1').family() == 6",
        "ip('127.0.0.1').isLoopback() && ip('::1').isLoopback() && !ip('10.0.0.1').isLoopback()",
        "ip('0.0.0.0').isUnspecified() && ip('::').isUnspecified()",
        "ip('169.254.1.1').isLinkLocalUnicast() && ip('fe80::1').isLinkLocalUnicast()",
        "ip('224.0.0.1').isLinkLocalMulticast() && ip('ff02::1').isLinkLocalMulticast()",
        "ip('8.8.8.8').isGlobalUnicast() && !ip('255.255.255.255').isGlobalUnicast() && !ip('ff02::1').isGlobalUnicast()",
        "string(ip('2001:DB8:0:0:0:0:0:1')) == '2001:db8::1' && string(ip('1:0:0:1:0:0:0:1')) == '1:0:0:1::1'",
        "ip.isCanonical('2001:db8::1') && !ip.isCanonical('2001:DB8::1') && ip.isCanonical('10.0.0.1')",
        "ip('10.0.0.1') == ip('10.0.0.1') && ip('10.0.0.1') != ip('10.0.0.2')",
        "cidr('10.0.0.0/8').containsIP('10.1.2.3') && !cidr('10.0.0.0/8').containsIP(ip('11.0.0.1'))",
        "cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16') && !cidr('10.1.0.0/16').containsCIDR('10.0.0.0/8')",
        "cidr('10.1.2.3/8').masked() == cidr('10.0.0.0/8') && cidr('10.1.2.3/8').ip() == ip('10.1.2.3')",
        "cidr('2001:db8::/32').prefixLength() == 32 && string(cidr('2001:db8::1/32').masked()) == '2001:db8::/32'",
        "!cidr('2001:db8::/32').containsIP('10.0.0.1')",
        "'abc123def456'.find('[0-9]+') == '123' && 'abc'.find('[0-9]+') == ''",
        "'a1b22c333'.findAll('[0-9]+') == ['1', '22', '333'] && 'a1b22c333'.findAll('[0-9]+', 2) == ['1', '22']",
        "timestamp('2024-02-29T12:30:15.25Z') == timestamp('2024-02-29T13:30:15.250+01:00')",
        "timestamp('2024-01-01T00:00:00Z') < timestamp('2024-01-01T00:00:00.000000001Z')",
        "string(timestamp('2024-02-29T12:30:15.250+01:00')) == '2024-02-29T11:30:15.25Z'",
        "timestamp('2024-03-01T00:00:00Z') - timestamp('2024-02-28T00:00:00Z') == duration('48h')",
        "timestamp('2023-12-31T23:59:59.5Z') + duration('1s') == timestamp('2024-01-01T00:00:00.5Z')",
        "timestamp('2024-01-01T00:00:00Z') - duration('1ns') == timestamp('2023-12-31T23:59:59.999999999Z')",
        "string(timestamp('1969-12-31T23:59:59Z')) == '1969-12-31T23:59:59Z' && int(timestamp('1970-01-01T00:01:00Z')) == 60",
        "timestamp('2024-02-29T12:30:15.25Z').getFullYear() == 2024 && timestamp('2024-02-29T12:30:15Z').getMonth() == 1",
        "timestamp('2024-02-29T12:30:15Z').getDate() == 29 && timestamp('2024-02-29T12:30:15Z').getDayOfMonth() == 28",
        "timestamp('2024-02-29T12:30:15Z').getDayOfWeek() == 4 && timestamp('2024-12-31T00:00:00Z').getDayOfYear() == 365",
        "timestamp('2024-02-29T12:30:15.25Z').getHours() == 12 && timestamp('2024-02-29T12:30:15.25Z').getMilliseconds() == 250",
        "timestamp('2024-02-29T23:30:00Z').getHours('+01:00') == 0 && timestamp('2024-02-29T23:30:00Z').getDate('+01:00') == 1",
        "duration('1h30m').getMinutes() == 90 && duration('1.5s').getMilliseconds() == 1500",
        "quantity('1Gi').isGreaterThan(quantity('1G')) && quantity('500m').isLessThan(quantity('1'))",
        "quantity('1Ki').compareTo(quantity('1024')) == 0 && quantity('1Ki') == quantity('1024')",
        "quantity('1.5').add(quantity('500m')) == quantity('2') && quantity('2').sub(1).asInteger() == 1",
        "quantity('2e3').asInteger() == 2000 && quantity('-1.5').sign() == -1 && !quantity('1.5').isInteger()",
        "quantity('0.1').asApproximateFloat() == 0.1 && isQuantity('10Mi') && !isQuantity('10MB') && !isQuantity('')",
        "url('https://user@example.com:8443/a%20b?x=1&x=2&y=a+b').getScheme() == 'https'",
        "url('https://example.com:8443/p').getHost() == 'example.com:8443' && url('https://example.com:8443/p').getPort() == '8443'",
        "url('https://[::1]:80/').getHostname() == '::1' && url('https://[::1]/').getHost() == '[::1]'",
        "url('https://example.com/a%20b').getEscapedPath() == '/a%20b' && url('/relative/path').getScheme() == ''",
        "url('https://e.com/?x=1&x=2&y=a+b').getQuery() == {'x': ['1', '2'], 'y': ['a b']}",
        "isURL('https://example.com') && isURL('/path') && !isURL('example.com') && !isURL('https://exa mple.com')",
        "!isURL('https://example.com:port/') && !isURL('1http://x') && !isURL('')",
        "sets.contains([1, 2, 3], [3, 1]) && !sets.contains([1, 2], [4])",
        "sets.equivalent([1, 2, 2], [2, 1]) && !sets.equivalent([1], [1, 2])",
        "sets.intersects([1, 2], [2, 5]) && !sets.intersects([1], [3])",
        "format.dns1123Subdomain().validate('a.b-c.d') == null && format.dns1123Subdomain().validate('a..b') != null",
        "format.dns1035Label().validate('1abc') != null && format.labelValue().validate('') == null",
        "format.qualifiedName().validate('example.com/My_Name') == null && format.qualifiedName().validate('-x') != null",
    ])
    func passes(rule: String) {
        #expect(CELEvaluationTests.outcome(rule) == .passed, "\(rule)")
    }

    @Test(arguments: [
        ("ip('300.0.0.1') == ip('1.1.1.1')", "parse error"),
        ("cidr('10.0.0.0') == cidr('10.0.0.0/8')", "parse error"),
        ("ip('10.0.0.1').containsIP('10.0.0.1')", "no matching overload"),
        ("timestamp('2024-02-30T00:00:00Z') == timestamp('2024-03-01T00:00:00Z')", "invalid timestamp"),
        ("quantity('1x') == quantity('1')", "invalid quantity"),
        ("url('not a url').getScheme() == ''", "URL parse error"),
        ("quantity('1.5').asInteger() == 1", "cannot convert"),
        ("quantity('8E').add(quantity('8E')).asInteger() > 0", "cannot convert"),
        ("timestamp('2024-01-01 00:00:00Z') == timestamp('2024-01-01T00:00:00Z')", "invalid timestamp"),
        ("timestamp('9999-12-31T23:59:59Z') + duration('1s') > timestamp('2024-01-01T00:00:00Z')", "overflow"),
        ("timestamp('2024-01-01T00:00:00Z').getHours('Europe/Paris') == 1", "time zone"),
    ])
    func errors(rule: String, fragment: String) {
        guard case .error(let message) = CELEvaluationTests.outcome(rule) else {
            Issue.record("\(rule) did not error")
            return
        }
        #expect(message.contains(fragment), "\(rule): \(message)")
    }
}

@Suite("CEL schema typing")
struct CELSchemaTypingTests {
    static let schema = CELTestSupport.node("""
        type: object
        properties:
          timeout: {type: string, format: duration}
          created: {type: string, format: date-time}
          day: {type: string, format: date}
          blob: {type: string, format: byte}
          weight: {type: number}
          count: {type: integer}
          optionalNote: {type: string, nullable: true}
          plainNote: {type: string}
          tags:
            type: array
            x-kubernetes-list-type: set
            items: {type: string}
          ordered:
            type: array
            items: {type: string}
          labels:
            type: object
            additionalProperties: {type: string, format: duration}
        """)

    static let object = CELTestSupport.node("""
        timeout: 90s
        created: 2024-01-02T03:04:05Z
        day: 2024-01-02
        blob: aGk=
        weight: 1
        count: 1
        tags: [b, a]
        ordered: [b, a]
        labels: {short: 1m}
        undeclared: 1
        optionalNote: null
        plainNote: null
        """)

    @Test(arguments: [
        "self.timeout < duration('2m') && self.timeout == duration('90s')",
        "self.created == timestamp('2024-01-02T03:04:05Z') && self.created.getHours() == 3",
        "self.day < self.created && self.day.getDate() == 2",
        "self.blob == b'hi'",
        "type(self.weight) == double && type(self.count) == int && self.weight == 1.0",
        "[self.weight, 0.5].sum() == 1.5",
        "self.tags == ['a', 'b'] && self.ordered != ['a', 'b']",
        "self.labels.short == duration('60s')",
        "!has(self.undeclared) && !('undeclared' in self) && self.size() == 10",
        "has(self.optionalNote) && self.optionalNote == null && !has(self.plainNote)",
    ])
    func typedBySchema(rule: String) throws {
        let expression = try CELExpression.parse(rule)
        #expect(expression.evaluate(self: Self.object, schema: Self.schema) == .passed, "\(rule)")
    }

    @Test func untypedWithoutSchema() throws {
        let expression = try CELExpression.parse("self.timeout < duration('2m')")
        guard case .error(let message) = expression.evaluate(self: Self.object) else {
            Issue.record("a string compared with a duration")
            return
        }
        #expect(message.contains("no such overload"))
        #expect(try CELExpression.parse("self.tags == ['a', 'b']").evaluate(self: Self.object) == .failed)
        #expect(try CELExpression.parse("self.undeclared == 1").evaluate(self: Self.object) == .passed)
    }

    @Test func oldSelfSharesTheSchema() {
        let rule = CELValidationRule(rule: "self.tags == oldSelf.tags", message: "immutable")
        let reordered = CELTestSupport.node("tags: [a, b]")
        #expect(rule.check(self: Self.object, oldSelf: reordered, schema: Self.schema).passed)
        #expect(!rule.check(self: Self.object, oldSelf: reordered).passed)
    }
}
