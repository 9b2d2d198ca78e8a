import KPlanCore
import Testing
import KPlanValidation

/// A Deployment whose first container gets `extra` lines (indented under it) and whose spec gets `specExtra`.
private func deployment(container extra: String = "", spec specExtra: String = "") -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
            - name: web
              image: nginx
    \(extra)
    \(specExtra)
    """
}

private func only(_ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
    #expect(diagnostics.count == 1, "\(diagnostics.map(\.message))", sourceLocation: sourceLocation)
    return try #require(diagnostics.first, sourceLocation: sourceLocation)
}

private func at(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

@Suite struct SchemaValidatorTests {
    @Test func aValidDeploymentHasNoDiagnostics() throws {
        #expect(try SchemaTestSupport.validate(deployment()).isEmpty)
    }

    @Test func unknownFieldIsReportedAtTheKeyWithASuggestion() throws {
        let diagnostic = try only(SchemaTestSupport.validate(deployment(container: "          imagePullPolicyy: Always")))
        #expect(diagnostic.code == "schema.unknown-field")
        #expect(diagnostic.location.range.start == at(15, 11))
        #expect(diagnostic.message == """
            unknown field "spec.template.spec.containers[0].imagePullPolicyy"; did you mean "imagePullPolicy"?
            """)
        #expect(diagnostic.object == "Deployment web")
        #expect(diagnostic.severity == .error)
    }

    @Test func nonStrictValidationAllowsUndeclaredFields() throws {
        let registry = try SchemaRegistry.builtin()
        let resource = try #require(SchemaTestSupport.resources(deployment(container: "          imagePullPolicyy: Always")).first)
        guard case .found(let schema) = registry.lookup(resource.gvk) else {
            Issue.record("no Deployment schema")
            return
        }
        #expect(SchemaValidator.validate(resource, schema: schema, strict: false).isEmpty)
        #expect(SchemaValidator.validate(resource, schema: schema).map(\.code) == ["schema.unknown-field"])
    }

    @Test func wrongTypeIsReportedAtTheValue() throws {
        let diagnostic = try only(SchemaTestSupport.validate(deployment(spec: "  replicas: \"3\"")))
        #expect(diagnostic.code == "schema.type")
        #expect(diagnostic.location.range.start == at(16, 13))
        #expect(diagnostic.message == "spec.replicas: expected integer, got string \"3\"")
    }

    @Test func objectWhereAScalarIsWantedIsATypeError() throws {
        let diagnostic = try only(SchemaTestSupport.validate(deployment(container: "          image: {name: nginx}")))
        #expect(diagnostic.code == "schema.type")
        #expect(diagnostic.location.range.start == at(15, 18))
        #expect(diagnostic.message == "spec.template.spec.containers[0].image: expected string, got object")
    }

    @Test(arguments: [
        ("on", "`on` is read as boolean true; this field is a string — quote it"),
        ("0755", "`0755` is read as integer 493; this field is a string — quote it"),
        ("1_000", "`1_000` is read as integer 1000; this field is a string — quote it"),
        ("1.0", "`1.0` is read as number 1.0; this field is a string — quote it"),
        ("no", "`no` is read as boolean false; this field is a string — quote it"),
    ])
    func yaml11ScalarsWhereAStringIsWantedAreExplained(value: String, message: String) throws {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              flag: \(value)
            """
        let diagnostic = try only(SchemaTestSupport.validate(text))
        #expect(diagnostic.code == "schema.yaml11-scalar")
        #expect(diagnostic.location.range.start == at(6, 9))
        #expect(diagnostic.message == "data.flag: \(message)")
    }

    @Test func quotedScalarsAreStrings() throws {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: \"on\", b: '0755', c: !!str 1.0}\n"
        #expect(try SchemaTestSupport.validate(text).isEmpty)
    }

    @Test func missingRequiredFieldIsReportedAtTheEnclosingMapping() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers: [{name: web, image: nginx}]
            """
        let diagnostic = try only(SchemaTestSupport.validate(text))
        #expect(diagnostic.code == "schema.required")
        #expect(diagnostic.location.range.start == at(6, 3))
        #expect(diagnostic.message == "spec: missing required field \"selector\"")
    }

    @Test func nullIsTreatedAsAbsent() throws {
        #expect(try SchemaTestSupport.validate(deployment(spec: "  replicas: null\n  strategy: ~")).isEmpty)
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: null
              template: {spec: {containers: [{name: web, image: nginx}]}}
            """
        let diagnostic = try only(SchemaTestSupport.validate(text))
        #expect(diagnostic.code == "schema.required")
        #expect(diagnostic.location.range.start == at(5, 3))
        #expect(diagnostic.message == "spec: missing required field \"selector\"")
    }

    @Test func integralNumbersFitIntegerFieldsOthersDoNot() throws {
        #expect(try SchemaTestSupport.validate(deployment(spec: "  replicas: 2.0")).isEmpty)
        let diagnostic = try only(SchemaTestSupport.validate(deployment(spec: "  replicas: 1.5")))
        #expect(diagnostic.code == "schema.type")
        #expect(diagnostic.location.range.start == at(16, 13))
        #expect(diagnostic.message == "spec.replicas: expected integer, got number 1.5")
        let huge = try only(SchemaTestSupport.validate(deployment(spec: "  replicas: 1e30")))
        #expect(huge.code == "schema.format")
    }

    @Test func int32FormatRangeIsChecked() throws {
        let diagnostic = try only(SchemaTestSupport.validate(deployment(spec: "  replicas: 3000000000")))
        #expect(diagnostic.code == "schema.format")
        #expect(diagnostic.location.range.start == at(16, 13))
        #expect(diagnostic.message.hasPrefix("spec.replicas: 3000000000 does not fit in a 32-bit integer"))
    }

    @Test func byteFormatWantsBase64() throws {
        let text = """
            apiVersion: v1
            kind: Secret
            metadata: {name: s}
            data:
              good: aGVsbG8=
              bad: hello world
            """
        let diagnostic = try only(SchemaTestSupport.validate(text))
        #expect(diagnostic.code == "schema.format")
        #expect(diagnostic.location.range.start == at(6, 8))
        #expect(diagnostic.message == "data.bad: \"hello world\" is not valid base64 (format byte)")
    }

    @Test func dateTimeFormatIsChecked() throws {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  creationTimestamp: yesterday\n"
        let diagnostic = try only(SchemaTestSupport.validate(text))
        #expect(diagnostic.code == "schema.format")
        #expect(diagnostic.location.range.start == at(5, 22))
        #expect(diagnostic.message.hasPrefix("metadata.creationTimestamp: \"yesterday\" is not an RFC 3339 date-time"))
    }

    @Test func quantitySyntaxIsChecked() throws {
        let diagnostic = try only(SchemaTestSupport.validate(deployment(container: """
                      resources:
                        limits: {memory: 500mb, cpu: 500m}
                        requests: {memory: 256Mi, cpu: 0.5}
            """)))
        #expect(diagnostic.code == "schema.quantity")
        #expect(diagnostic.location.range.start == at(16, 30))
        #expect(diagnostic.message.hasPrefix("spec.template.spec.containers[0].resources.limits.memory: \"500mb\" is not a valid quantity"))
    }

    @Test func quantityRejectsBooleans() throws {
        let diagnostic = try only(SchemaTestSupport.validate(deployment(container: "          resources: {limits: {cpu: yes}}")))
        #expect(diagnostic.code == "schema.yaml11-scalar")
        #expect(diagnostic.location.range.start == at(15, 37))
    }

    @Test func intOrStringAcceptsBothAndRejectsOthers() throws {
        let ports = """
                      livenessProbe: {httpGet: {port: http}}
                      readinessProbe: {httpGet: {port: 8080}}
                      startupProbe: {httpGet: {port: 80.5}}
            """
        let diagnostic = try only(SchemaTestSupport.validate(deployment(container: ports)))
        #expect(diagnostic.code == "schema.yaml11-scalar")
        #expect(diagnostic.location.range.start == at(17, 42))
        #expect(diagnostic.message.contains("`80.5` is read as number 80.5; this field is an integer or string — quote it"))
    }

    @Test func duplicateListMapKeysAreReportedAtTheLaterItem() throws {
        let diagnostic = try only(SchemaTestSupport.validate(deployment(container: "        - name: web\n          image: busybox")))
        #expect(diagnostic.code == "schema.duplicate-list-key")
        #expect(diagnostic.location.range.start == at(15, 11))
        #expect(diagnostic.message.hasPrefix("spec.template.spec.containers[1]: Duplicate value: another item has name=string \"web\""))
        #expect(diagnostic.notes.first?.location?.range.start == at(13, 11))
    }

    @Test func duplicateSetValuesAreReported() throws {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  finalizers: [a, b, a]\n"
        let diagnostic = try only(SchemaTestSupport.validate(text))
        #expect(diagnostic.code == "schema.duplicate-list-key")
        #expect(diagnostic.location.range.start == at(5, 22))
        #expect(diagnostic.message == "metadata.finalizers[2]: Duplicate value: string \"a\" appears more than once")
    }

    @Test func labelKeysWithDotsAreBracketedInPaths() throws {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {app.kubernetes.io/name: 3}\n"
        let diagnostic = try only(SchemaTestSupport.validate(text))
        #expect(diagnostic.message.hasPrefix("metadata.labels[\"app.kubernetes.io/name\"]: `3` is read as integer 3"))
    }

    @Test func rawExtensionsAndPreservedFieldsAcceptAnything() throws {
        let text = """
            apiVersion: apps/v1
            kind: ControllerRevision
            metadata: {name: r}
            revision: 1
            data: {anything: {goes: [1, 2]}}
            """
        #expect(try SchemaTestSupport.validate(text).isEmpty)
    }
}
