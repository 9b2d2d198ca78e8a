import KPlanCore
import KPlanSimulator
import Testing

@Suite struct FieldManagementApplyTests {
    private typealias Support = FieldManagementTestSupport
    private let manager = FieldManager()

    private static let base = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
          labels:
            app: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: app
                image: nginx:1.0
                ports:
                - containerPort: 80
                  protocol: TCP
                env:
                - name: A
                  value: "1"
        """

    private func apply(_ live: KubeObject?, _ text: String, by name: String, force: Bool = false, at time: String = Support.now) throws -> KubeObject {
        try manager.apply(
            live: live, applied: Support.object(text), manager: name, force: force, now: time,
            schema: Support.schema("apps/v1", "Deployment"))
    }

    private func conflict(_ body: () throws -> KubeObject) -> APIError? {
        do {
            _ = try body()
            return nil
        } catch let error as APIError {
            return error
        } catch {
            return nil
        }
    }

    private func containers(_ object: KubeObject) -> [JSONValue] {
        object[path: "spec", "template", "spec", "containers"]?.array ?? []
    }

    @Test func createRecordsTheAppliedFieldsAsKubernetesWritesThem() throws {
        let created = try apply(nil, Self.base, by: "alpha")
        let expected = Support.json(#"""
            {"f:metadata":{"f:labels":{"f:app":{}}},
             "f:spec":{"f:replicas":{},"f:selector":{},
               "f:template":{"f:metadata":{"f:labels":{"f:app":{}}},
                 "f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{},"f:image":{},"f:name":{},
                   "f:env":{"k:{\"name\":\"A\"}":{".":{},"f:name":{},"f:value":{}}},
                   "f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}}}}}}}}
            """#)
        #expect(Support.fields(created)["alpha"] == expected)
        let entry = try #require(created[path: "metadata", "managedFields"]?.array?.first)
        #expect(entry["operation"] == "Apply")
        #expect(entry["apiVersion"] == "apps/v1")
        #expect(entry["time"] == .string(Support.now))
        #expect(created[path: "spec", "replicas"] == 2)
    }

    @Test func mapListsMergeByKeyKeepingOtherManagersItems() throws {
        let live = try apply(nil, Self.base, by: "alpha")
        let withSidecar = try apply(live, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              template:
                spec:
                  containers:
                  - name: sidecar
                    image: proxy:1
            """, by: "beta")
        #expect(containers(withSidecar).map { $0["name"] } == ["app", "sidecar"])
        let updated = try apply(withSidecar, Self.base.replacingOccurrences(of: "nginx:1.0", with: "nginx:1.1"), by: "alpha")
        #expect(containers(updated).map { $0["name"] } == ["app", "sidecar"])
        #expect(containers(updated)[0]["image"] == "nginx:1.1")
        #expect(containers(updated)[0]["env"] == [["name": "A", "value": "1"]])
    }

    @Test func appliedOrderWinsForSharedItems() throws {
        let live = try apply(nil, Self.base, by: "alpha")
        let reordered = try apply(live, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              template:
                spec:
                  containers:
                  - name: first
                    image: init:1
                  - name: app
                    image: nginx:1.0
            """, by: "beta")
        #expect(containers(reordered).map { $0["name"] } == ["first", "app"])
    }

    @Test func portsAreKeyedByContainerPortAndProtocol() throws {
        let live = try apply(nil, Self.base, by: "alpha")
        let udp = try apply(live, Self.base.replacingOccurrences(of: "protocol: TCP", with: "protocol: TCP\n        - containerPort: 80\n          protocol: UDP"), by: "alpha")
        let ports = containers(udp)[0]["ports"]?.array ?? []
        #expect(ports.map { $0["protocol"] } == ["TCP", "UDP"])
        let fields = try #require(Support.fields(udp)["alpha"])
        let portFields = fields[path: "f:spec", "f:template", "f:spec", "f:containers", #"k:{"name":"app"}"#, "f:ports"]?.object
        #expect(portFields?.keys.sorted() == [#"k:{"containerPort":80,"protocol":"TCP"}"#, #"k:{"containerPort":80,"protocol":"UDP"}"#])
    }

    @Test func fieldsTheOwnerStopsSendingAreRemoved() throws {
        let live = try apply(nil, Self.base, by: "alpha")
        let trimmed = try apply(live, Self.base.replacingOccurrences(of: "  replicas: 2\n", with: "")
            .replacingOccurrences(of: "\n        env:\n        - name: A\n          value: \"1\"", with: ""), by: "alpha")
        #expect(trimmed[path: "spec", "replicas"] == nil)
        #expect(containers(trimmed)[0]["env"] == nil)
        #expect(containers(trimmed)[0]["image"] == "nginx:1.0")
        let fields = try #require(Support.fields(trimmed)["alpha"])
        #expect(fields[path: "f:spec", "f:replicas"] == nil)
    }

    @Test func listItemsTheOwnerDropsAreRemovedUnlessShared() throws {
        let twoContainers = Self.base + "\n      - name: sidecar\n        image: proxy:1"
        let live = try apply(nil, twoContainers, by: "alpha")
        #expect(containers(live).map { $0["name"] } == ["app", "sidecar"])
        let dropped = try apply(live, Self.base, by: "alpha")
        #expect(containers(dropped).map { $0["name"] } == ["app"])

        let sidecarByBeta = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              template:
                spec:
                  containers:
                  - name: sidecar
                    image: proxy:1
            """
        let shared = try apply(live, sidecarByBeta, by: "beta")
        let kept = try apply(shared, Self.base, by: "alpha")
        #expect(containers(kept).map { $0["name"] } == ["app", "sidecar"])
        #expect(containers(kept)[1] == ["name": "sidecar", "image": "proxy:1"])
    }

    @Test func removedFieldsStayWhenAnotherManagerOwnsThem() throws {
        let live = try apply(nil, Self.base, by: "alpha")
        let shared = try apply(live, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              replicas: 2
            """, by: "beta")
        #expect(Support.fields(shared)["beta"] == ["f:spec": ["f:replicas": [:]]])
        let trimmed = try apply(shared, Self.base.replacingOccurrences(of: "  replicas: 2\n", with: ""), by: "alpha")
        #expect(trimmed[path: "spec", "replicas"] == 2)
        #expect(Support.fields(trimmed)["alpha"]?[path: "f:spec", "f:replicas"] == nil)
        #expect(Support.fields(trimmed)["beta"] == ["f:spec": ["f:replicas": [:]]])
    }

    @Test func sameValueIsSharedOwnershipNotAConflict() throws {
        let live = try apply(nil, Self.base, by: "alpha")
        let shared = try apply(live, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              replicas: 2
            """, by: "beta")
        #expect(Support.fields(shared)["alpha"]?[path: "f:spec", "f:replicas"] == [:])
        #expect(Support.fields(shared)["beta"]?[path: "f:spec", "f:replicas"] == [:])
        #expect(shared[path: "spec"] == live[path: "spec"])
    }

    @Test func differentValueConflictsWithKubernetesMessage() throws {
        let live = try apply(nil, Self.base, by: "alpha")
        let change = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              replicas: 3
            """
        let error = try #require(conflict { try apply(live, change, by: "beta") })
        #expect(error.reason == .conflict)
        #expect(error.message == #"Apply failed with 1 conflict: conflict with "alpha": .spec.replicas"#)
        #expect(error.causes == [APIError.Cause(type: "FieldManagerConflict", message: #"conflict with "alpha""#, field: ".spec.replicas")])

        let forced = try apply(live, change, by: "beta", force: true)
        #expect(forced[path: "spec", "replicas"] == 3)
        #expect(Support.fields(forced)["alpha"]?[path: "f:spec", "f:replicas"] == nil)
        #expect(Support.fields(forced)["beta"] == ["f:spec": ["f:replicas": [:]]])
    }

    @Test func severalConflictsAreListedPerManager() throws {
        let live = try apply(nil, Self.base, by: "alpha")
        let error = try #require(conflict {
            try apply(live, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: default}
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                      - name: app
                        image: nginx:2.0
                """, by: "beta")
        })
        #expect(error.message == """
            Apply failed with 2 conflicts: conflicts with "alpha":
            - .spec.replicas
            - .spec.template.spec.containers[name="app"].image
            """)
        #expect(error.causes.map(\.field) == [".spec.replicas", #".spec.template.spec.containers[name="app"].image"#])
    }

    @Test func atomicListsAreReplacedWholeAndConflictWhole() throws {
        let withArgs = Self.base.replacingOccurrences(of: "image: nginx:1.0", with: "image: nginx:1.0\n        args: [a, b]")
        let live = try apply(nil, withArgs, by: "alpha")
        let appFields = Support.fields(live)["alpha"]?[path: "f:spec", "f:template", "f:spec", "f:containers", #"k:{"name":"app"}"#]
        #expect(appFields?["f:args"] == [:])
        let change = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    args: [c]
            """
        let error = try #require(conflict { try apply(live, change, by: "beta") })
        #expect(error.causes.map(\.field) == [#".spec.template.spec.containers[name="app"].args"#])
        let forced = try apply(live, change, by: "beta", force: true)
        #expect(containers(forced)[0]["args"] == ["c"])
    }

    @Test func setListsMergeByValue() throws {
        let schema = try Support.schema("v1", "ConfigMap")
        func finalizers(_ values: String) -> KubeObject {
            Support.object("{apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: default, finalizers: [\(values)]}}")
        }
        let first = try manager.apply(live: nil, applied: finalizers("a.io/x"), manager: "alpha", force: false, now: Support.now, schema: schema)
        let second = try manager.apply(live: first, applied: finalizers("b.io/y"), manager: "beta", force: false, now: Support.now, schema: schema)
        #expect(second.finalizers == ["a.io/x", "b.io/y"])
        #expect(Support.fields(second)["beta"] == ["f:metadata": ["f:finalizers": [#"v:"b.io/y""#: [:]]]])
        let dropped = try manager.apply(live: second, applied: finalizers("a.io/z"), manager: "alpha", force: false, now: Support.now, schema: schema)
        #expect(dropped.finalizers == ["b.io/y", "a.io/z"])
    }

    @Test func duplicateKeysInTheAppliedObjectAreRefused() throws {
        let duplicated = Self.base.replacingOccurrences(of: "        env:\n        - name: A\n", with: "        env:\n        - name: A\n          value: \"0\"\n        - name: A\n")
        let error = try #require(conflict { try apply(nil, duplicated, by: "alpha") })
        #expect(error.reason == .internalError)
        #expect(error.message == #"failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers[name="app"].env: duplicate entries for key [name="A"]"#)
    }

    @Test func mapListItemsNeedTheirKeys() throws {
        let keyless = Self.base.replacingOccurrences(of: "        - containerPort: 80\n          protocol: TCP", with: "        - protocol: TCP")
        let error = try #require(conflict { try apply(nil, keyless, by: "alpha") })
        #expect(error.message.hasSuffix(#".spec.template.spec.containers[name="app"].ports: element 0: associative list with keys has an element that omits key field "containerPort" (and doesn't have default value)"#))
    }

    @Test func aMissingKeyFieldTakesItsSchemaDefault() throws {
        let created = try apply(nil, Self.base.replacingOccurrences(of: "          protocol: TCP", with: ""), by: "alpha")
        let ports = Support.fields(created)["alpha"]?[path: "f:spec", "f:template", "f:spec", "f:containers", #"k:{"name":"app"}"#, "f:ports"]
        #expect(ports == [#"k:{"containerPort":80,"protocol":"TCP"}"#: [".": [:], "f:containerPort": [:]]])
    }

    @Test func statusIsNotOwned() throws {
        let created = try apply(nil, Self.base + "\nstatus:\n  replicas: 5\n", by: "alpha")
        #expect(Support.fields(created)["alpha"]?["f:status"] == nil)
    }

    @Test func objectsWithoutManagedFieldsAreAttributedBeforeTheFirstApply() throws {
        let existing = Support.object(Self.base)
        let error = try #require(conflict {
            try apply(existing, "{apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: default}, spec: {replicas: 4}}", by: "alpha")
        })
        #expect(error.message == #"Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas"#)
    }

    @Test func reapplyingTheSameConfigurationChangesNothing() throws {
        let live = try apply(nil, Self.base, by: "alpha")
        let again = try apply(live, Self.base, by: "alpha", at: Support.later)
        #expect(again == live)
    }

    @Test func appliedObjectsMayNotCarryManagedFields() throws {
        let live = try apply(nil, Self.base, by: "alpha")
        let error = try #require(conflict { try manager.apply(live: nil, applied: live, manager: "beta", force: false, now: Support.now, schema: nil) })
        #expect(error.reason == .badRequest)
        #expect(error.message == "metadata.managedFields must be nil")
    }
}
