import KPlanCore
import KPlanSimulator
import KPlanValidation
import KPlanYAML
import Testing

/// The admission plugins and defaults that depend on cluster state or on the operation, and the
/// rules the fixtures from the real API server do not spell out.
@Suite struct AdmissionPluginTests {
    static let registry = try! SchemaRegistry.builtin()
    static let defaulter = ObjectDefaulter(registry: registry)

    static func pod(_ spec: JSONValue) -> KubeObject {
        KubeObject(["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p", "namespace": "default"], "spec": spec])
    }

    static func create(_ object: KubeObject, _ context: AdmissionContext = AdmissionContext()) throws -> KubeObject {
        try defaulter.admit(object, operation: .create, context: context)
    }

    @Test func podsGetTheDefaultServiceAccountAndPriority() throws {
        let pod = try Self.create(Self.pod(["containers": [["name": "a", "image": "a:1"]]]))
        #expect(pod[path: "spec", "serviceAccountName"] == "default")
        #expect(pod[path: "spec", "serviceAccount"] == "default")
        #expect(pod[path: "spec", "priority"] == 0)
        #expect(pod[path: "spec", "preemptionPolicy"] == "PreemptLowerPriority")
        #expect(pod[path: "status"] == ["phase": "Pending", "qosClass": "BestEffort"])
    }

    @Test func priorityComesFromTheNamedOrGlobalDefaultClass() throws {
        let high = KubeObject(["apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass", "metadata": ["name": "high"],
                                            "value": 1000, "globalDefault": true, "preemptionPolicy": "Never"])
        let context = AdmissionContext(priorityClasses: [high])
        let defaulted = try Self.create(Self.pod(["containers": [["name": "a", "image": "a"]]]), context)
        #expect(defaulted[path: "spec", "priorityClassName"] == "high")
        #expect(defaulted[path: "spec", "priority"] == 1000)
        #expect(defaulted[path: "spec", "preemptionPolicy"] == "Never")
        let system = try Self.create(Self.pod(["priorityClassName": "system-node-critical", "containers": [["name": "a", "image": "a"]]]))
        #expect(system[path: "spec", "priority"] == 2_000_001_000)
        let error = try #require(throws: APIError.self) {
            try Self.create(Self.pod(["priorityClassName": "missing", "containers": [["name": "a", "image": "a"]]]))
        }
        #expect(error.reason == .forbidden)
        #expect(error.message == "pods \"p\" is forbidden: no PriorityClass with name missing was found")
    }

    @Test func existingTolerationsAreNotRepeated() throws {
        let pod = try Self.create(Self.pod([
            "containers": [["name": "a", "image": "a"]],
            "tolerations": [["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 60]],
        ]))
        let keys = pod[path: "spec", "tolerations"]?.array?.compactMap { $0["key"]?.string }
        #expect(keys == ["node.kubernetes.io/unreachable", "node.kubernetes.io/not-ready"])
        let everything = try Self.create(Self.pod(["containers": [["name": "a", "image": "a"]], "tolerations": [["operator": "Exists"]]]))
        #expect(everything[path: "spec", "tolerations"]?.array?.count == 1)
    }

    @Test func qualityOfServiceFollowsRequestsAndLimits() throws {
        let guaranteed = try Self.create(Self.pod(["containers": [["name": "a", "image": "a", "resources": ["limits": ["cpu": "1", "memory": "1Gi"]]]]]))
        #expect(guaranteed[path: "status", "qosClass"] == "Guaranteed")
        #expect(guaranteed[path: "spec", "containers"]?.array?.first?[path: "resources", "requests"] == ["cpu": "1", "memory": "1Gi"])
        let burstable = try Self.create(Self.pod(["containers": [["name": "a", "image": "a", "resources": ["requests": ["memory": "1Gi"]]]]]))
        #expect(burstable[path: "status", "qosClass"] == "Burstable")
    }

    @Test func imagePullPolicyFollowsTheTag() {
        let cases: [(String, String)] = [
            ("nginx", "Always"), ("nginx:latest", "Always"), ("nginx:1.25", "IfNotPresent"),
            ("localhost:5000/nginx", "Always"), ("localhost:5000/nginx:2", "IfNotPresent"),
            ("nginx@sha256:abc", "IfNotPresent"), ("nginx:latest@sha256:abc", "Always"),
        ]
        for (image, policy) in cases {
            let pod = Self.defaulter.defaulted(Self.pod(["containers": [["name": "a", "image": .string(image)]]]))
            #expect(pod[path: "spec", "containers"]?.array?.first?["imagePullPolicy"] == .string(policy), "\(image)")
        }
    }

    @Test func imageVolumesGetAPullPolicyByTag() {
        let pod = Self.defaulter.defaulted(Self.pod([
            "containers": [["name": "a", "image": "a:1"]],
            "volumes": [["name": "model", "image": ["reference": "models/llm"]], ["name": "data", "image": ["reference": "data:v2"]]],
        ]))
        let policies = pod[path: "spec", "volumes"]?.array?.map { $0[path: "image", "pullPolicy"] }
        #expect(policies == ["Always", "IfNotPresent"])
    }

    @Test func claimsGetTheDefaultStorageClassAndProtection() throws {
        let standard = KubeObject(["apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
                                                "metadata": ["name": "standard", "annotations": ["storageclass.kubernetes.io/is-default-class": "true"]]])
        let claim = KubeObject(["apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": ["name": "c", "namespace": "default"],
                                "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]]])
        let created = try Self.create(claim, AdmissionContext(storageClasses: [standard]))
        #expect(created[path: "spec", "storageClassName"] == "standard")
        #expect(created.finalizers == ["kubernetes.io/pvc-protection"])
        var optedOut = claim
        optedOut[path: "spec", "storageClassName"] = ""
        #expect(try Self.create(optedOut, AdmissionContext(storageClasses: [standard]))[path: "spec", "storageClassName"] == "")
    }

    @Test func secretStringDataIsFoldedIntoData() {
        let secret = Self.defaulter.defaulted(KubeObject([
            "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s", "namespace": "default"],
            "stringData": ["a": "", "b": "hello, world", "c": "ü"],
        ]))
        #expect(secret["data"] == ["a": "", "b": "aGVsbG8sIHdvcmxk", "c": "w7w="])
        #expect(secret["stringData"] == nil)
        #expect(secret["type"] == "Opaque")
    }

    @Test func aJobWithAManualSelectorKeepsIt() throws {
        var job = KubeObject([
            "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "j", "namespace": "default"],
            "spec": ["manualSelector": true, "selector": ["matchLabels": ["a": "b"]],
                     "template": ["metadata": ["labels": ["a": "b"]], "spec": ["restartPolicy": "Never", "containers": [["name": "a", "image": "a"]]]]],
        ])
        job.uid = "1234"
        let created = try Self.create(job)
        #expect(created[path: "spec", "selector"] == ["matchLabels": ["a": "b"]])
        #expect(created[path: "spec", "template", "metadata", "labels"] == ["a": "b"])
    }

    @Test func theDaemonSetTemplateGenerationCountsTemplateChanges() throws {
        let daemonSet = KubeObject([
            "apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": ["name": "d", "namespace": "default"],
            "spec": ["selector": ["matchLabels": ["a": "b"]],
                     "template": ["metadata": ["labels": ["a": "b"]], "spec": ["containers": [["name": "a", "image": "a:1"]]]]],
        ])
        let key = "deprecated.daemonset.template.generation"
        let created = try Self.create(daemonSet)
        #expect(created.annotations[key] == "1")
        let same = try Self.defaulter.admit(daemonSet, operation: .update(old: created), context: AdmissionContext())
        #expect(same.annotations[key] == "1")
        var changed = daemonSet
        changed[path: "spec", "template", "spec", "containers"] = [["name": "a", "image": "a:2"]]
        let bumped = try Self.defaulter.admit(changed, operation: .update(old: created), context: AdmissionContext())
        #expect(bumped.annotations[key] == "2")
    }

    @Test func anUpdateKeepsTheStoredStatus() throws {
        var stored = try Self.create(KubeObject(["apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": ["name": "r", "namespace": "default"],
                                                 "spec": ["selector": ["matchLabels": ["a": "b"]]]]))
        stored["status"] = ["replicas": 3, "readyReplicas": 3]
        var sent = stored
        sent["status"] = ["replicas": 0]
        let updated = try Self.defaulter.admit(sent, operation: .update(old: stored), context: AdmissionContext())
        #expect(updated["status"] == ["replicas": 3, "readyReplicas": 3])
    }

    @Test func namespacesAreLabelledWithTheirName() {
        let namespace = Self.defaulter.defaulted(KubeObject(["apiVersion": "v1", "kind": "Namespace",
                                                             "metadata": ["name": "team", "labels": ["kubernetes.io/metadata.name": "other"]]]))
        #expect(namespace.labels == ["kubernetes.io/metadata.name": "team"])
    }

    @Test func customResourcesGetTheirCRDDefaults() throws {
        let crdText = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              scope: Namespaced
              names: {kind: Widget, plural: widgets, singular: widget}
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        default: {}
                        properties:
                          size: {type: integer, default: 3}
                          mode: {type: string, default: fast}
            """
        let root = try #require(YAMLLoader.load(Array(crdText.utf8), file: "crd.yaml").documents.first?.root)
        let resource = Resource(file: "crd.yaml", documentIndex: 0, node: root,
                                gvk: GroupVersionKind(apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition"),
                                name: "widgets.example.com", namespace: nil)
        let crd = try #require(CRDCompiler.compile(resource).0)
        let defaulter = ObjectDefaulter(registry: Self.registry.adding(crds: [crd]))
        let widget = defaulter.defaulted(KubeObject(["apiVersion": "example.com/v1", "kind": "Widget",
                                                     "metadata": ["name": "w", "namespace": "default"], "spec": ["mode": "slow"]]))
        #expect(widget["spec"] == ["size": 3, "mode": "slow"])
        let empty = defaulter.defaulted(KubeObject(["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w"]]))
        #expect(empty["spec"] == ["size": 3, "mode": "fast"])
    }
}
