import KPlanCore
import Testing
import KPlanValidation

private let widgetCRD = """
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: widgets.example.com
    spec:
      group: example.com
      scope: Cluster
      names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wd], listKind: WidgetList}
      versions:
        - name: v1alpha1
          served: true
          storage: false
          schema:
            openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  required: [size]
                  properties:
                    size: {type: integer, minimum: 1, maximum: 10}
                    color: {type: string, enum: [red, green]}
                    name: {type: string, pattern: '^[a-z]+$', maxLength: 8}
                    port: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}
                    memory: {type: string, format: int32}
                    nickname: {type: string, nullable: true}
                    tags: {type: array, items: {type: string}, x-kubernetes-list-type: set, maxItems: 3}
                    free: {type: object, x-kubernetes-preserve-unknown-fields: true}
                    template: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
                    target:
                      type: object
                      properties: {ip: {type: string}, host: {type: string}}
                      oneOf: [{required: [ip]}, {required: [host]}]
                    mode:
                      type: string
                      not: {enum: [forbidden]}
                    limits: {type: object, additionalProperties: {type: integer}, maxProperties: 2}
                    endpoint:
                      type: string
                      anyOf: [{format: ipv4}, {format: ipv6}]
    """

private func widget(_ spec: String) -> String {
    "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n\(spec)\n"
}

private func registry() throws -> SchemaRegistry {
    let resource = try #require(SchemaTestSupport.resources(widgetCRD).first)
    let (crd, diagnostics) = CRDCompiler.compile(resource)
    #expect(diagnostics.isEmpty)
    return try SchemaRegistry.builtin().adding(crds: [#require(crd)])
}

private func check(_ spec: String) throws -> [Diagnostic] {
    try SchemaTestSupport.validate(widget(spec), registry: registry())
}

private func at(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

@Suite struct SchemaCRDTests {
    @Test func compilesNamesScopeAndVersions() throws {
        let resource = try #require(SchemaTestSupport.resources(widgetCRD).first)
        let (compiled, diagnostics) = CRDCompiler.compile(resource)
        let crd = try #require(compiled)
        #expect(diagnostics.isEmpty)
        #expect(crd.name == "widgets.example.com")
        #expect(crd.group == "example.com")
        #expect(crd.kind == "Widget")
        #expect(crd.plural == "widgets")
        #expect(crd.singular == "widget")
        #expect(crd.shortNames == ["wd"])
        #expect(crd.listKind == "WidgetList")
        #expect(crd.scope == .cluster)
        #expect(crd.versions.map(\.name) == ["v1alpha1", "v1"])
        #expect(crd.servedVersions == ["v1", "v1alpha1"])
    }

    @Test func registryServesCustomKindsWithScope() throws {
        let registry = try registry()
        let gvk = GroupVersionKind(group: "example.com", version: "v1", kind: "Widget")
        #expect(registry.scope(for: gvk) == .cluster)
        guard case .found = registry.lookup(gvk) else {
            Issue.record("Widget v1 should be found")
            return
        }
        guard case .unknownVersion(let served) = registry.lookup(GroupVersionKind(group: "example.com", version: "v2", kind: "Widget")) else {
            Issue.record("Widget v2 should be an unknown version")
            return
        }
        #expect(served == ["example.com/v1", "example.com/v1alpha1"])
    }

    @Test func aValidCustomResourceHasNoDiagnostics() throws {
        let spec = """
              size: 3
              color: red
              name: abc
              port: http
              nickname: null
              tags: [a, b]
              free: {anything: [1, {x: y}]}
              template: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {a: b}}
              target: {ip: 10.0.0.1}
              limits: {cpu: 2}
            """
        #expect(try check(spec).isEmpty)
    }

    @Test func unknownFieldsAreErrorsEvenThoughTheServerPrunes() throws {
        let diagnostics = try check("  size: 3\n  colour: red")
        #expect(diagnostics.map(\.code) == ["schema.unknown-field"])
        #expect(diagnostics.first?.location.range.start == at(7, 3))
        #expect(diagnostics.first?.message == "unknown field \"spec.colour\"; did you mean \"color\"?")
    }

    @Test func metadataIsCheckedAsObjectMeta() throws {
        let diagnostics = try SchemaTestSupport.validate(
            "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  lables: {a: b}\nspec: {size: 1}\n",
            registry: registry())
        #expect(diagnostics.map(\.code) == ["schema.unknown-field"])
        #expect(diagnostics.first?.location.range.start == at(5, 3))
    }

    @Test func requiredEnumPatternAndBounds() throws {
        let diagnostics = try check("  color: blue\n  name: ABCDEFGHIJ\n  tags: [a, b, c, a]")
        let found = diagnostics.map { "\($0.code)@\($0.location.range.start)" }
        #expect(found == [
            "schema.enum@6:10", "schema.pattern@7:9", "schema.bounds@7:9", "schema.bounds@8:9",
            "schema.duplicate-list-key@8:19", "schema.required@6:3",
        ])
        #expect(diagnostics.first?.message == "spec.color: string \"blue\" is not one of the allowed values: \"red\", \"green\"")
        #expect(diagnostics.last?.message == "spec: missing required field \"size\"")
    }

    @Test func numericBounds() throws {
        let diagnostics = try check("  size: 11")
        #expect(diagnostics.map(\.code) == ["schema.bounds"])
        #expect(diagnostics.first?.location.range.start == at(6, 9))
        #expect(diagnostics.first?.message == "spec.size: 11 is greater than the maximum 10")
    }

    @Test func oneOfNeedsExactlyOneMatch() throws {
        let none = try check("  size: 1\n  target: {}")
        #expect(none.map(\.code) == ["schema.one-of"])
        #expect(none.first?.location.range.start == at(7, 11))
        let both = try check("  size: 1\n  target: {ip: a, host: b}")
        #expect(both.map(\.code) == ["schema.one-of"])
        #expect(both.first?.message.contains("matches 2 of the alternatives") == true)
    }

    @Test func anyOfNeedsOneMatch() throws {
        #expect(try check("  size: 1\n  endpoint: '::1'").isEmpty)
        let diagnostics = try check("  size: 1\n  endpoint: example.com")
        #expect(diagnostics.map(\.code) == ["schema.any-of"])
        #expect(diagnostics.first?.location.range.start == at(7, 13))
        #expect(diagnostics.first?.message == "spec.endpoint: matches none of the allowed alternatives (anyOf)")
        #expect(diagnostics.first?.notes.count == 2)
    }

    @Test func notRejectsMatches() throws {
        let diagnostics = try check("  size: 1\n  mode: forbidden")
        #expect(diagnostics.map(\.code) == ["schema.not"])
        #expect(diagnostics.first?.location.range.start == at(7, 9))
    }

    @Test func intOrStringAndAdditionalPropertiesAndMaxProperties() throws {
        let diagnostics = try check("  size: 1\n  port: true\n  limits: {a: 1, b: x, c: 3}")
        #expect(diagnostics.map(\.code) == ["schema.yaml11-scalar", "schema.type", "schema.bounds"])
        #expect(diagnostics.map(\.location.range.start) == [at(7, 9), at(8, 21), at(8, 11)])
    }

    @Test func embeddedResourcesNeedApiVersionAndKind() throws {
        let diagnostics = try check("  size: 1\n  template: {metadata: {name: x}}")
        #expect(diagnostics.map(\.code) == ["schema.required", "schema.required"])
        #expect(diagnostics.first?.location.range.start == at(7, 13))
        #expect(diagnostics.first?.message == "spec.template: missing required field \"apiVersion\" of an embedded resource")
    }

    @Test func embeddedResourceMetadataIsCheckedAsObjectMeta() throws {
        let diagnostics = try check("  size: 1\n  template: {apiVersion: v1, kind: Pod, metadata: {nmae: x}}")
        #expect(diagnostics.map(\.code) == ["schema.unknown-field"])
        #expect(diagnostics.first?.location.range.start == at(7, 52))
        #expect(diagnostics.first?.message == "unknown field \"spec.template.metadata.nmae\"; did you mean \"name\"?")
    }

    @Test func preservedVersionsAcceptAnything() throws {
        let text = "apiVersion: example.com/v1alpha1\nkind: Widget\nmetadata: {name: w}\nspec: {whatever: 1}\n"
        #expect(try SchemaTestSupport.validate(text, registry: registry()).isEmpty)
    }

    @Test func badPatternsAreReportedAndSkipped() throws {
        let text = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: gadgets.example.com}
            spec:
              group: example.com
              names: {kind: Gadget, plural: gadgets}
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec: {type: object, properties: {id: {type: string, pattern: "([a-z"}}}
            """
        let resource = try #require(SchemaTestSupport.resources(text).first)
        let (crd, diagnostics) = CRDCompiler.compile(resource)
        #expect(crd?.scope == .namespaced)
        #expect(diagnostics.map(\.code) == ["crd.schema"])
        #expect(diagnostics.first?.location.range.start == SourcePosition(line: 16, column: 75))
    }

    @Test func v1beta1TopLevelValidationIsUsed() throws {
        let text = """
            apiVersion: apiextensions.k8s.io/v1beta1
            kind: CustomResourceDefinition
            metadata: {name: gizmos.example.com}
            spec:
              group: example.com
              version: v1
              names: {kind: Gizmo, plural: gizmos}
              validation:
                openAPIV3Schema:
                  properties:
                    spec: {properties: {count: {type: integer}}}
            """
        let resource = try #require(SchemaTestSupport.resources(text).first)
        let (compiled, diagnostics) = CRDCompiler.compile(resource)
        #expect(diagnostics.isEmpty)
        let registry = try SchemaRegistry.builtin().adding(crds: [#require(compiled)])
        let found = try SchemaTestSupport.validate(
            "apiVersion: example.com/v1\nkind: Gizmo\nmetadata: {name: g}\nspec: {count: many}\n", registry: registry)
        #expect(found.map(\.code) == ["schema.type"])
        #expect(found.first?.location.range.start == at(4, 15))
    }

    @Test func notACRDIsRefused() throws {
        let resource = try #require(SchemaTestSupport.resources("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n").first)
        let (crd, diagnostics) = CRDCompiler.compile(resource)
        #expect(crd == nil)
        #expect(diagnostics.map(\.code) == ["crd.invalid"])
        #expect(diagnostics.first?.location.range.start == at(1, 1))
    }
}
