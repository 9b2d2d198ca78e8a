import Foundation
import KPlanCore
import Testing
@testable import KPlanValidation

@Suite struct SchemaBundleTests {
    @Test func theEmbeddedBundleIndexesEveryVersion() throws {
        for version in SchemaRegistry.supportedVersions {
            let registry = try SchemaRegistry.builtin(version: version)
            #expect(registry.version == version)
            #expect(registry.definitionNames.count > 700, "version \(version)")
            #expect(registry.builtinKinds.contains(GroupVersionKind(group: "apps", version: "v1", kind: "Deployment")))
        }
    }

    /// Indexing is paid at every `kplan lint` start; the best of three runs (so parallel tests do not
    /// make it flaky) must be well under 100 ms even in a debug build.
    @Test func openingTheBundleIsFast() {
        let clock = ContinuousClock()
        let runs = (0..<3).map { _ in
            clock.measure { _ = SchemaBundle(SchemaBundle.embeddedText) }
        }
        let best = runs.min() ?? .zero
        #expect(best < .milliseconds(100), "indexing the bundle took \(best)")
    }

    @Test func everyKindOf137Resolves() throws {
        let registry = try SchemaRegistry.builtin(version: "1.37")
        let kinds = registry.builtinKinds
        #expect(kinds.count > 300)
        for gvk in kinds {
            guard case .found(let schema) = registry.lookup(gvk) else {
                Issue.record("no schema for \(gvk)")
                continue
            }
            #expect(schema.groupVersionKinds.contains(gvk), "\(gvk)")
        }
    }

    @Test func identicalInlineSchemasOfDefinitionsAreShared() throws {
        let registry = try SchemaRegistry.builtin(version: "1.37")
        let container = try #require(registry.definition("io.k8s.api.core.v1.Container"))
        let volume = try #require(registry.definition("io.k8s.api.core.v1.Volume"))
        let port = try #require(registry.definition("io.k8s.api.core.v1.ContainerPort"))
        let containerName = try #require(container.property("name"))
        #expect(containerName.types == [.string])
        #expect(containerName === volume.property("name"))
        #expect(port.property("name")?.types == [.string, .null])
        #expect(containerName !== port.property("name"))
    }

    @Test func everyDefinitionCompilesAndReferencesResolve() throws {
        let registry = try SchemaRegistry.builtin(version: "1.37")
        for name in registry.definitionNames {
            let schema = try #require(registry.definition(name))
            #expect(schema.definitionName == name)
        }
        let podSpec = try #require(registry.definition("io.k8s.api.core.v1.PodSpec"))
        let containers = try #require(podSpec.property("containers"))
        #expect(containers.listType == .map)
        #expect(containers.listMapKeys == ["name"])
        #expect(containers.items?.definitionName == "io.k8s.api.core.v1.Container")
        #expect(podSpec.required == ["containers"])
    }

    @Test func recursiveDefinitionsFormCycles() throws {
        let registry = try SchemaRegistry.builtin()
        let props = try #require(registry.definition(
            "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps"))
        let properties = try #require(props.property("properties"))
        guard case .schema(let value) = properties.additionalProperties else {
            Issue.record("properties should be a map of JSONSchemaProps")
            return
        }
        #expect(value === props)
    }

    @Test func concurrentFirstUseCompilesEachDefinitionOnce() async throws {
        let definitions = try #require(SchemaBundle(SchemaBundle.embeddedText).versions["1.37"])
        let names = ["io.k8s.api.apps.v1.Deployment", "io.k8s.api.core.v1.Pod", "io.k8s.api.batch.v1.CronJob"]
        let identities = await withTaskGroup(of: [ObjectIdentifier].self) { group in
            for _ in 0..<8 {
                group.addTask { names.compactMap { definitions.schema(named: $0).map(ObjectIdentifier.init) } }
            }
            return await group.reduce(into: Set<[ObjectIdentifier]>()) { $0.insert($1) }
        }
        #expect(identities.count == 1)
        #expect(identities.first?.count == names.count)
    }

    @Test func quantityAndIntOrStringAreSpecial() throws {
        let registry = try SchemaRegistry.builtin()
        #expect(registry.definition("io.k8s.apimachinery.pkg.api.resource.Quantity")?.special == .quantity)
        #expect(registry.definition("io.k8s.apimachinery.pkg.util.intstr.IntOrString")?.special == .intOrString)
    }

    @Test func unsupportedVersionsThrow() {
        #expect(throws: SchemaRegistryError.self) { try SchemaRegistry.builtin(version: "1.20") }
        #expect((try? SchemaRegistry.builtin(version: "v1.36.4"))?.version == "1.36")
    }

    /// The committed bundle must match what the generator makes from kubernetes-validate 1.37.0.
    @Test func theCommittedBundleIsNotStale() throws {
        let root = SchemaTestSupport.repositoryRoot
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "\(root)/Scripts/generate-schema-bundle.py", "--check"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, """
            Scripts/generate-schema-bundle.py --check failed (install the source data with \
            `pip install kubernetes-validate==1.37.0`, then regenerate if the bundle is stale):
            \(text)
            """)
    }
}
