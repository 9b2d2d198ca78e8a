import KPlanCore
import Testing
@testable import KPlanValidation

private func version(_ name: String, storage: Bool) -> String {
    """
        - name: \(name)
          served: true
          storage: \(storage)
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  properties:
                    selector: {type: object, description: First, properties: {app: {type: string}}}
                    other: {type: object, description: Second, properties: {app: {type: string}}}
                    bigger: {type: object, properties: {app: {type: string, maxLength: 3}}}
                    checked: {type: object, x-kubernetes-validations: [{rule: "true"}], properties: {app: {type: string}}}
                    template: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
    """
}

private let gadgetCRD = """
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: gadgets.example.com
    spec:
      group: example.com
      names: {kind: Gadget, plural: gadgets}
      versions:
    \(version("v1beta1", storage: false))
    \(version("v1", storage: true))
    """

@Suite struct SchemaInternerTests {
    private func specs() throws -> (Schema, Schema) {
        let resource = try #require(SchemaTestSupport.resources(gadgetCRD).first)
        let (compiled, diagnostics) = CRDCompiler.compile(resource)
        #expect(diagnostics.isEmpty)
        let versions = try #require(compiled).versions
        try #require(versions.count == 2)
        return (try #require(versions[0].schema.property("spec")), try #require(versions[1].schema.property("spec")))
    }

    @Test func identicalSubSchemasAreOneObject() throws {
        let (beta, stable) = try specs()
        #expect(beta.property("bigger") === stable.property("bigger"))
        #expect(beta.property("selector") === beta.property("other"))
        #expect(beta.property("selector") !== beta.property("bigger"))
    }

    @Test func embeddedResourcesAndRulesAreNotShared() throws {
        let (beta, stable) = try specs()
        #expect(beta !== stable)
        #expect(beta.property("checked") !== stable.property("checked"))
        #expect(beta.property("template") !== stable.property("template"))
        let template = try #require(beta.property("template"))
        #expect(template.isEmbeddedResource)
        #expect(template.propertyNames == ["apiVersion", "kind", "metadata"])
    }

    @Test func rootsAreNeverShared() throws {
        let resource = try #require(SchemaTestSupport.resources(gadgetCRD).first)
        let versions = try #require(CRDCompiler.compile(resource).0).versions
        #expect(versions[0].schema !== versions[1].schema)
    }
}
