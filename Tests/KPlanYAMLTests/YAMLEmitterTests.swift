import KPlanCore
import Testing
@testable import KPlanYAML

/// Loads emitted text back into a value; nil when it does not load cleanly as one document.
private func reload(_ text: String) -> JSONValue? {
    let stream = YAMLLoader.load(Array(text.utf8), file: "emitted.yaml")
    guard stream.diagnostics.isEmpty, stream.documents.count == 1 else { return nil }
    return JSONValue(stream.documents[0].root)
}

/// Strings whose plain form would read back as something else, or not at all.
private let trickyStrings: [String] = [
    "", " ", "yes", "Yes", "YES", "no", "on", "Off", "y", "n", "true", "False", "null", "Null", "~",
    "0755", "0x1F", "0b101", "0o17", "1_000", "1.0", "1e3", ".5", "+1", "-1", ".inf", "-.Inf", ".NaN", "12:30",
    "1:20:30.5", "2024-01-02", "2024-1-2T10:00:00Z", "2024-01-02 10:00:00", " lead", "trail ", "a: b", "a:",
    "a #b", "#c", "a#b", "- x", "-", "--flag=value", "-Xmx512m", "? q", ":x", ",x", "[a]", "{a}", "&anchor",
    "*alias", "!tag", "|pipe", ">fold", "'quoted'", "\"dq\"", "%dir", "@at", "`tick", "---", "...", "--- x",
    "<<", "tab\there", "line\nbreak", "two\nlines\n", "keep\n\n", "\nleading", " indented\nblock", "nul\u{0}",
    "bell\u{7}", "del\u{7F}", "nel\u{85}", "bom\u{FEFF}", "ls\u{2028}", "é ü 漢字 🙂", "back\\slash", "cr\r\nlf",
    "http://example.com:8080/path?x=1#frag", "key=value", "a, b", "50%", "*", "{{ .Values.x }}",
    "line\n  indented\n\tTabbed\n", "trailing spaces  \nnext", "last line\n", "multi\n\n\nblank\n",
]

@Suite struct YAMLEmitterTests {
    @Test(arguments: trickyStrings)
    func trickyStringsRoundTripAsValuesKeysAndItems(_ text: String) {
        let value: JSONValue = ["value": .string(text), .init(stringLiteral: text): "k", "items": [.string(text), "x"]]
        let emitted = YAMLEmitter.emit(value)
        #expect(reload(emitted) == value, "emitted:\n\(emitted)")
    }

    @Test func layoutFollowsKubectl() {
        let value: JSONValue = [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": "web", "labels": ["app": "web"], "annotations": [:]],
            "spec": [
                "containers": [
                    ["name": "app", "image": "nginx:1.27", "args": ["--port", "80"], "ports": [["containerPort": 80]]],
                    ["name": "side", "command": [], "env": [["name": "MODE", "value": "on"]]],
                ],
                "matrix": [[1, 2], []],
                "script": "echo a\necho b\n",
            ],
        ]
        let expected = """
            apiVersion: v1
            kind: Pod
            metadata:
              annotations: {}
              labels:
                app: web
              name: web
            spec:
              containers:
              - args:
                - --port
                - "80"
                image: nginx:1.27
                name: app
                ports:
                - containerPort: 80
              - command: []
                env:
                - name: MODE
                  value: "on"
                name: side
              matrix:
              - - 1
                - 2
              - []
              script: |
                echo a
                echo b

            """
        #expect(YAMLEmitter.emit(value) == expected)
    }

    @Test func scalarsAndEmptyRootsAreOneLine() {
        #expect(YAMLEmitter.emit(.object([:])) == "{}\n")
        #expect(YAMLEmitter.emit(.array([])) == "[]\n")
        #expect(YAMLEmitter.emit("yes") == "\"yes\"\n")
        #expect(YAMLEmitter.emit(1.0) == "1.0\n")
        #expect(YAMLEmitter.emit(.null) == "null\n")
    }

    @Test func literalBlocksChooseTheirChomping() {
        #expect(YAMLEmitter.emit(["a": "x\ny"]) == "a: |-\n  x\n  y\n")
        #expect(YAMLEmitter.emit(["a": "x\ny\n"]) == "a: |\n  x\n  y\n")
        #expect(YAMLEmitter.emit(["a": "x\n\n"]) == "a: |+\n  x\n\n")
        #expect(YAMLEmitter.emit(["a": " x\ny"]) == "a: \" x\\ny\"\n")
    }

    @Test func quotingIsOnlyWhereNeeded() {
        #expect(YAMLEmitter.isPlainSafe("nginx:1.27"))
        #expect(YAMLEmitter.isPlainSafe("--flag=value"))
        #expect(YAMLEmitter.isPlainSafe("a#b"))
        #expect(!YAMLEmitter.isPlainSafe("0755"))
        #expect(!YAMLEmitter.isPlainSafe("a: b"))
        #expect(YAMLEmitter.emit(["t": "2024-01-02T10:00:00Z"]) == "t: \"2024-01-02T10:00:00Z\"\n")
        #expect(YAMLEmitter.emit(["c": "nul\u{0}\u{85}"]) == "c: \"nul\\0\\x85\"\n")
    }

    @Test func randomValuesRoundTrip() {
        var generator = SeededGenerator(seed: 0x5EED)
        for _ in 0..<300 {
            let value = randomValue(depth: 0, using: &generator)
            let emitted = YAMLEmitter.emit(value)
            #expect(reload(emitted) == value, "emitted:\n\(emitted)")
        }
    }
}

/// A value of random shape: nested objects and arrays of tricky strings, numbers, booleans and nulls.
private func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
    let choice = Int.random(in: 0..<(depth >= 4 ? 6 : 8), using: &generator)
    switch choice {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &generator))
    case 2: return .int(Int64.random(in: Int64.min...Int64.max, using: &generator))
    case 3:
        let samples: [Double] = [0.5, 1.0, -2.25, 1e300, 5e-324, 123456789.125, .infinity, -.infinity]
        return .double(samples.randomElement(using: &generator)!)
    case 4, 5:
        let pieces = (0..<Int.random(in: 1...3, using: &generator)).map { _ in trickyStrings.randomElement(using: &generator)! }
        return .string(pieces.joined())
    case 6:
        let count = Int.random(in: 0...3, using: &generator)
        return .array((0..<count).map { _ in randomValue(depth: depth + 1, using: &generator) })
    default:
        var members: [String: JSONValue] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            members[trickyStrings.randomElement(using: &generator)!] = randomValue(depth: depth + 1, using: &generator)
        }
        return .object(members)
    }
}

/// A deterministic random number generator (SplitMix64), so a failure reproduces.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
