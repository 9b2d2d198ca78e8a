import Foundation
import KPlanCore
import KPlanSimulator
import KPlanValidation
import KPlanYAML
import Testing

/// Validation on write against a real API server: each manifest under `manifests/defaults-invalid/`
/// is defaulted and validated, and the refusal's message compared with the one kube-apiserver 1.20.2
/// gave (`golden/defaults-invalid/`).
@Suite struct AdmissionValidatorTests {
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: AdmissionDefaultsTests.root + "/manifests/defaults-invalid")) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static let registry = try! SchemaRegistry.builtin()

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 6)
    }

    @Test(arguments: cases) func refusesAsTheAPIServerDoes(_ name: String) throws {
        let input = try #require(AdmissionDefaultsTests.load("manifests/defaults-invalid/\(name).yaml"))
        let path = AdmissionDefaultsTests.root + "/golden/defaults-invalid/\(name).txt"
        let expected = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
            .trimmingCharacters(in: .newlines)
        let object = try ObjectDefaulter(registry: Self.registry)
            .admit(try #require(KubeObject(input)), operation: .create, context: AdmissionContext())
        let error = try #require(throws: APIError.self) { try ObjectValidator(registry: Self.registry).validate(object) }
        #expect(error.reason == .invalid)
        // Kubernetes' RegexError writes two spaces before each " or " between examples
        // ("'key.name',  or 'KEY_NAME'"); the lint module's messages have one. Compared without that.
        #expect(error.message == expected.replacingOccurrences(of: ",  or ", with: ", or "))
        #expect(!error.causes.isEmpty)
        #expect(error.diagnostics.count == error.causes.count)
    }

    @Test func validObjectsPass() throws {
        let validator = ObjectValidator(registry: Self.registry)
        let defaulter = ObjectDefaulter(registry: Self.registry)
        for name in AdmissionDefaultsTests.cases {
            let documents = AdmissionDefaultsTests.loadAll("manifests/defaults/\(name).yaml").compactMap(KubeObject.init)
            let context = AdmissionDefaultsTests.context(documents.dropFirst(), defaulter: defaulter)
            let object = try defaulter.admit(try #require(documents.first), operation: .create, context: context)
            #expect(throws: Never.self, "\(name)") { try validator.validate(object) }
        }
    }

    @Test func causesNameTheFieldsAndTheirTypes() throws {
        let object = KubeObject([
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": "web", "namespace": "default"],
            "spec": [
                "replicas": -1, "selector": ["matchLabels": ["app": "web"]],
                "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "app", "image": ""]]]],
            ],
        ])
        let error = try #require(throws: APIError.self) { try ObjectValidator(registry: Self.registry).validate(object) }
        #expect(error.code == 422)
        #expect(error.causes == [
            APIError.Cause(type: "FieldValueInvalid", message: "Invalid value: -1: must be greater than or equal to 0", field: "spec.replicas"),
            APIError.Cause(type: "FieldValueRequired", message: "Required value", field: "spec.template.spec.containers[0].image"),
        ])
        #expect(error.diagnostics.map(\.code) == ["api.invalid-value", "api.required-value"])
    }

    /// Managed fields' `fieldsV1` is opaque to validation and left out of the tree: findings on either
    /// side of it (a bad manager entry, a bad spec field) still name their fields, and a fieldsV1 that
    /// is not an object is still refused.
    @Test func managedFieldsKeepFindingsOnTheirFields() throws {
        let fieldsV1: JSONValue = ["f:spec": ["f:replicas": [:], "f:template": ["f:spec": ["f:containers": ["k:{\"name\":\"app\"}": [".": [:], "f:image": [:]]]]]]]
        func deployment(fieldsV1: JSONValue, operation: JSONValue) -> KubeObject {
            KubeObject([
                "apiVersion": "apps/v1", "kind": "Deployment",
                "metadata": ["name": "web", "namespace": "default", "managedFields": [
                    ["manager": "kplan", "operation": operation, "apiVersion": "apps/v1", "fieldsType": "FieldsV1", "fieldsV1": fieldsV1],
                ]],
                "spec": [
                    "replicas": -1, "selector": ["matchLabels": ["app": "web"]],
                    "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "app", "image": "nginx"]]]],
                ],
            ])
        }
        let validator = ObjectValidator(registry: Self.registry)
        let error = try #require(throws: APIError.self) { try validator.validate(deployment(fieldsV1: fieldsV1, operation: "Apply")) }
        #expect(error.causes.map(\.field) == ["spec.replicas"])
        let both = try #require(throws: APIError.self) { try validator.validate(deployment(fieldsV1: fieldsV1, operation: 7)) }
        #expect(both.diagnostics.map(\.message) == [
            "metadata.managedFields[0].operation: Invalid value: 7: expected string, got integer 7",
            "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
        ])
        let notObject = try #require(throws: APIError.self) { try validator.validate(deployment(fieldsV1: "f:spec", operation: "Apply")) }
        #expect(notObject.message.hasSuffix(
            "metadata.managedFields[0].fieldsV1: Invalid value: \"f:spec\": expected object, got string \"f:spec\""))
    }

    @Test func diagnosticsPointIntoTheSourceWhenThereIsOne() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              replicas: -1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - {name: app, image: nginx}
            """
        let root = try #require(YAMLLoader.load(Array(text.utf8), file: "web.yaml").documents.first?.root)
        let source = Resource(file: "web.yaml", documentIndex: 0, node: root,
                              gvk: GroupVersionKind(apiVersion: "apps/v1", kind: "Deployment"), name: "web", namespace: "default")
        let object = try #require(KubeObject(JSONValue(root)))
        let error = try #require(throws: APIError.self) { try ObjectValidator(registry: Self.registry).validate(object, source: source) }
        let location = try #require(error.diagnostics.first?.location)
        #expect(location.file == "web.yaml")
        #expect(location.range.start.line == 5)
    }

    @Test func customResourcesAreValidatedAgainstTheirCRD() throws {
        let crd = KubeObject([
            "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": ["name": "gadgets.example.com"],
            "spec": [
                "group": "example.com", "scope": "Namespaced", "names": ["kind": "Gadget", "plural": "gadgets"],
                "versions": [[
                    "name": "v1", "served": true, "storage": true,
                    "schema": ["openAPIV3Schema": ["type": "object", "properties": ["spec": ["type": "object", "properties": [
                        "count": ["type": "integer"], "name": ["type": "string"],
                    ]]]]],
                ]],
            ],
        ])
        let source = Resource(file: "crd", documentIndex: 0, node: crd.value.node(at: SourceRange(at: SourcePosition(line: 1, column: 1))),
                              gvk: crd.gvk, name: crd.name, namespace: nil)
        let compiled = try #require(CRDCompiler.compile(source).0)
        let validator = ObjectValidator(registry: Self.registry.adding(crds: [compiled]))
        let gadget = KubeObject(["apiVersion": "example.com/v1", "kind": "Gadget", "metadata": ["name": "g", "namespace": "default"],
                                 "spec": ["count": "three", "name": 5]])
        let error = try #require(throws: APIError.self) { try validator.validate(gadget) }
        #expect(error.reason == .invalid)
        #expect(error.message == "Gadget.example.com \"g\" is invalid: [spec.count: Invalid value: \"string\": spec.count in body must be of type integer: \"three\", "
            + "spec.name: Invalid value: \"integer\": spec.name in body must be of type string: \"integer\"]")
        #expect(throws: Never.self) {
            try validator.validate(KubeObject(["apiVersion": "example.com/v1", "kind": "Gadget", "metadata": ["name": "g", "namespace": "default"],
                                               "spec": ["count": 3, "name": "x"]]))
        }
    }

    @Test func unknownKindsAreNotFound() throws {
        let object = KubeObject(["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w"]])
        let error = try #require(throws: APIError.self) { try ObjectValidator(registry: Self.registry).validate(object) }
        #expect(error.reason == .notFound)
        #expect(error.message == "the server could not find the requested resource")
    }

    @Test func undeclaredFieldsAndWrongTypesAreBadRequests() throws {
        let base: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c", "namespace": "default"]]
        var unknown = base
        unknown["dta"] = ["a": "b"]
        let unknownError = try #require(throws: APIError.self) {
            try ObjectValidator(registry: Self.registry).validate(try #require(KubeObject(unknown)))
        }
        #expect(unknownError.reason == .badRequest)
        #expect(unknownError.message == "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: unknown field \"dta\"")
        var wrongType = base
        wrongType["data"] = ["a": 1]
        let typeError = try #require(throws: APIError.self) {
            try ObjectValidator(registry: Self.registry).validate(try #require(KubeObject(wrongType)))
        }
        #expect(typeError.reason == .badRequest)
        #expect(typeError.message.hasPrefix("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: data.a: Invalid value: 1:"))
    }
}
