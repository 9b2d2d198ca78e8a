import KPlanCore
import Testing
@testable import KPlanValidation

@Suite struct LintContextTests {
    private let manifests = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: gadget}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: shop}
        spec:
          jobTemplate:
            spec:
              template:
                metadata:
                  labels: {app: report, version: 2}
                spec:
                  initContainers:
                    - {name: setup, image: "setup:1"}
                  containers:
                    - {name: report, image: "report:1"}
                  ephemeralContainers:
                    - {name: debug, image: "debug:1"}
        """

    @Test func namespacesResolveByScopeAndDefault() {
        let resources = lintResources(manifests).resources
        let context = LintContext(resources: resources, defaultNamespace: "dev")
        #expect(resources.map(context.namespace(of:)) == ["", "dev", "shop", "dev", "shop"])
        #expect(context.object(group: "", kind: "Service", in: "dev", named: "web")?.name == "web")
        #expect(context.object(group: "", kind: "Service", in: "shop", named: "web") == nil)
        #expect(context.hasObjects(group: "", kind: "Namespace", in: ""))
        #expect(context.hasWorkloads(in: "shop"))
        #expect(!context.hasWorkloads(in: "dev"))
    }

    @Test func aScopeResolverOverridesTheBuiltInList() {
        let resources = lintResources(manifests).resources
        let context = LintContext(resources: resources) { gvk in gvk.kind == "Widget" ? .cluster : nil }
        #expect(context.namespace(of: resources[3]) == "")
        #expect(context.namespace(of: resources[1]) == "default")
    }

    @Test func podTemplatesAreFoundInsideCronJobsWithEveryContainer() throws {
        let resources = lintResources(manifests).resources
        let template = try #require(LintPodTemplate(resources[4]))
        #expect(template.kind == .cronJob)
        #expect(template.labels == ["app": "report", "version": "2"])
        #expect(template.containers.map(\.label) == [
            "init container \"setup\"", "container \"report\"", "ephemeral container \"debug\"",
        ])
        #expect(!template.isLongRunning)
        #expect(LintPodTemplate(resources[1]) == nil)
        #expect(lintPodSpecKey(of: resources[4])?.range.start == SourcePosition(line: 26, column: 9))
    }

    @Test(arguments: [
        ("nginx", "nginx", nil, nil, true), ("nginx:latest", "nginx", "latest", nil, true),
        ("registry:5000/team/app", "registry:5000/team/app", nil, nil, true),
        ("registry:5000/team/app:1.2", "registry:5000/team/app", "1.2", nil, false),
        ("app@sha256:abc", "app", nil, "sha256:abc", false), ("app:latest@sha256:abc", "app", "latest", "sha256:abc", false),
        ("host:5000/a:b:c", "host:5000/a:b", "c", nil, false), ("a@b@c", "a", nil, "b@c", false),
        ("rëgistry/äpp:1.0", "rëgistry/äpp", "1.0", nil, false), ("app:", "app", "", nil, false), ("", "", nil, nil, true),
    ] as [(String, String, String?, String?, Bool)])
    func imageReferencesSplit(text: String, repository: String, tag: String?, digest: String?, isLatest: Bool) {
        let reference = LintImageReference(text)
        #expect(reference.repository == repository)
        #expect(reference.tag == tag)
        #expect(reference.digest == digest)
        #expect(reference.isLatest == isLatest)
    }

    @Test func labelSelectorsApplyEveryOperator() throws {
        let node = try #require(lintResources("""
            matchLabels: {app: web}
            matchExpressions:
              - {key: tier, operator: In, values: [front, back]}
              - {key: canary, operator: DoesNotExist}
              - {key: env, operator: NotIn, values: [dev]}
              - {key: team, operator: Exists}
            """).resources.first?.node)
        let selector = try #require(LintLabelSelector(labelSelector: node))
        #expect(selector.matches(["app": "web", "tier": "front", "team": "a"]))
        #expect(!selector.matches(["app": "web", "tier": "front", "team": "a", "canary": "1"]))
        #expect(!selector.matches(["app": "web", "tier": "front", "team": "a", "env": "dev"]))
        #expect(!selector.matches(["app": "web", "tier": "middle", "team": "a"]))
        #expect(!selector.matches(["app": "web", "tier": "front"]))
        let unknown = try #require(lintResources("matchExpressions: [{key: a, operator: Near}]").resources.first?.node)
        #expect(LintLabelSelector(labelSelector: unknown) == nil)
    }
}
