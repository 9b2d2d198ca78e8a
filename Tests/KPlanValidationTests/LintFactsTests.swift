import KPlanCore
import Testing
@testable import KPlanValidation

private let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: shop
      annotations: {kplan.dev/ignore: "missing-pdb, lint.single-replica"}
    spec:
      replicas: 3
      template:
        metadata:
          labels: {app: web, tier: front}
        spec:
          serviceAccountName: web
          imagePullSecrets: [{name: registry}]
          containers:
            - name: web
              image: web:1.0
              ports: [{name: http, containerPort: 8080}, {containerPort: 9090}]
              env:
                - name: PASSWORD
                  valueFrom: {secretKeyRef: {name: db, key: password}}
                - name: OPTIONAL
                  valueFrom: {secretKeyRef: {name: maybe, key: k, optional: true}}
              envFrom: [{configMapRef: {name: settings}}]
          volumes:
            - name: certs
              secret: {secretName: tls}
    """

private func facts(_ text: String, engine: LintEngine = LintEngine(configuration: LintConfiguration(enable: ["all"])),
                   file: String = "example.yaml") -> [LintObjectFacts] {
    let context = engine.objectContext()
    return lintResources(text, file: file).resources.compactMap { engine.facts(of: $0, in: context) }
}

@Suite struct LintFactsTests {
    @Test func aWorkloadKeepsWhatCrossObjectRulesReadWithTheirRanges() throws {
        let fact = try #require(facts(deployment).first)
        #expect(fact.group == "apps" && fact.kind == "Deployment" && fact.namespace == "shop" && fact.name == "web")
        #expect(fact.displayName == "Deployment shop/web")
        #expect(fact.nameAnchor.source.start == SourcePosition(line: 4, column: 9))
        #expect(fact.suppressed == ["missing-pdb", "single-replica"])
        guard case .workload(let pod) = fact.detail else {
            Issue.record("not a workload: \(fact.detail)")
            return
        }
        #expect(pod.labels == ["app": "web", "tier": "front"])
        #expect(pod.replicas == 3)
        #expect(pod.replicasAnchor.source.start == SourcePosition(line: 8, column: 13))
        #expect(pod.portNames == ["http"])
        #expect(pod.serviceAccount?.name == "web")
        #expect(pod.serviceAccount?.range.source.start == SourcePosition(line: 13, column: 27))
        #expect(pod.references.map { "\($0.target.kind) \($0.name.name) \($0.origin.text) \($0.name.range.source.start)" } == [
            "Secret db env PASSWORD of container \"web\" \(SourcePosition(line: 21, column: 48))",
            "ConfigMap settings envFrom of container \"web\" \(SourcePosition(line: 24, column: 43))",
            "Secret tls volume \"certs\" \(SourcePosition(line: 27, column: 32))",
            "Secret registry imagePullSecrets \(SourcePosition(line: 14, column: 33))",
        ])
    }

    @Test func kindsNoEnabledRuleReadsHaveNoFacts() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: db}
            """
        #expect(facts(text).map(\.kind) == ["Secret"])
        let withoutSecretRule = LintEngine(configuration: LintConfiguration(disable: ["secret-not-found"]))
        #expect(facts(text, engine: withoutSecretRule).isEmpty)
        let onlyPerObjectRules = LintEngine(configuration: LintConfiguration(enable: ["latest-tag"], disable: ["all"]))
        #expect(facts(deployment, engine: onlyPerObjectRules).isEmpty)
        #expect(onlyPerObjectRules.lintSet(facts(deployment)).isEmpty)
    }

    @Test func factsFromSeparateFilesMeetInLintSet() throws {
        let service = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: http}, {port: 81, targetPort: metrics}]
            """
        let engine = LintEngine()
        let set = facts(service, file: "service.yaml") + facts(deployment, file: "deploy.yaml")
        let diagnostics = engine.lintSet(set)
        let port = try #require(diagnostics.first { $0.code == "lint.service-target-port-not-found" })
        #expect(port.location.file == "service.yaml")
        #expect(port.location.range.start == SourcePosition(line: 6, column: 64))
        #expect(port.message == "targetPort \"metrics\" is not a port name declared by any container the Service selects")
        #expect(port.object == "Service shop/web")
        #expect(port.notes.first?.message == "selects the pods of Deployment shop/web")
        #expect(port.notes.first?.location == SourceLocation(
            file: "deploy.yaml", range: SourceRange(start: SourcePosition(line: 4, column: 9), end: SourcePosition(line: 4, column: 12))))
        #expect(diagnostics.filter { $0.code == "lint.service-target-port-not-found" }.count == 1)
        #expect(!diagnostics.contains { $0.code == "lint.missing-pdb" }, "suppressed by the annotation")
        #expect(diagnostics == diagnostics.sorted())
    }

    @Test func aSuppressedObjectIsStillATargetForOthers() {
        let service = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            """
        let ignoredAll = deployment.replacingOccurrences(of: "missing-pdb, lint.single-replica", with: "all")
        let diagnostics = LintEngine().lintSet(facts(service) + facts(ignoredAll))
        #expect(!diagnostics.contains { $0.code == "lint.dangling-service-selector" })
        #expect(!diagnostics.contains { $0.object == "Deployment shop/web" })
        let other = ignoredAll.replacingOccurrences(of: "app: web, tier", with: "app: api, tier")
        #expect(LintEngine().lintSet(facts(service) + facts(other)).map(\.code) == ["lint.dangling-service-selector"])
    }

    @Test func budgetsAutoscalersPoliciesAndIngressesKeepParsedValues() throws {
        let text = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: 2
              selector:
                matchLabels: {app: web}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web}
            spec:
              podSelector: {matchExpressions: [{key: app, operator: Exists}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              defaultBackend: {service: {name: fallback, port: {number: 80}}}
              rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {serviceName: web, servicePort: 80}}]}}]
            """
        let all = facts(text)
        #expect(all.count == 4)
        guard case .budget(let budget) = all[0].detail, case .autoscaler(let target) = all[1].detail,
              case .networkPolicy(let selector, _) = all[2].detail, case .ingress(let backends) = all[3].detail
        else {
            Issue.record("unexpected details: \(all.map(\.detail))")
            return
        }
        #expect(budget.selector?.matchLabels == ["app": "web"])
        #expect(budget.selectorAnchor?.source.start == SourcePosition(line: 7, column: 5))
        #expect(budget.minAvailable?.value == 2)
        #expect(budget.minAvailable?.range.source.start == SourcePosition(line: 5, column: 17))
        #expect(target.kind == "Deployment" && target.name == "web" && target.checkedGroup == "apps")
        #expect(selector.requirements.map(\.key) == ["app"])
        #expect(backends.map(\.name) == ["fallback", "web"])
    }

    @Test func factsHoldNoYAMLTree() {
        func holdsTree(_ value: Any) -> Bool {
            if value is Node || value is Resource || value is LintPodTemplate { return true }
            return Mirror(reflecting: value).children.contains { holdsTree($0.value) }
        }
        let service = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: http}]
            """
        let all = facts(deployment) + facts(service)
        #expect(all.count == 2)
        #expect(!all.contains { holdsTree($0) })
        #expect(holdsTree(lintResources(service).resources), "the walk finds a tree where there is one")
    }

    @Test func factsStayWellUnderOneKilobyte() throws {
        let generated = """
            apiVersion: v1
            kind: Service
            metadata: {name: app-17, namespace: team-3}
            spec:
              selector: {app.kubernetes.io/name: app-17}
              ports: [{name: http, port: 80, targetPort: http}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: app-17, namespace: team-3}
            data: {mode: fast}
            """
        for fact in facts(deployment) + facts(generated) {
            #expect(fact.approximateByteCount < 1024, "\(fact.displayName): \(fact.approximateByteCount) bytes")
        }
    }
}

extension LintObjectFacts {
    /// The inline size plus the heap storage its strings, arrays, sets and dictionaries own (strings of
    /// up to 15 UTF-8 bytes are stored inline; heap objects are counted with a 32-byte header).
    var approximateByteCount: Int {
        func text(_ string: String) -> Int { string.utf8.count > 15 ? 32 + string.utf8.count : 0 }
        func labels(_ labels: LintLabels) -> Int {
            labels.isEmpty ? 0
                : 32 + labels.pairs.count * MemoryLayout<LintLabels.Label>.stride
                    + labels.pairs.reduce(0) { $0 + text($1.key) + text($1.value) }
        }
        var bytes = MemoryLayout<LintObjectFacts>.stride + text(group) + text(kind) + text(namespace) + text(name)
            + (declaredNamespace.map(text) ?? 0)
        bytes += suppressed.isEmpty ? 0 : 32 + suppressed.capacity * MemoryLayout<String>.stride + suppressed.reduce(0) { $0 + text($1) }
        switch detail {
        case .identity: break
        case .workload(let pod):
            bytes += 32 + MemoryLayout<LintWorkloadFacts>.stride + labels(pod.labels)
            bytes += 32 + pod.portNames.count * MemoryLayout<String>.stride + pod.portNames.reduce(0) { $0 + text($1) }
            bytes += pod.serviceAccount.map { text($0.name) } ?? 0
            bytes += 32 + pod.references.count * MemoryLayout<LintPodReference>.stride
                + pod.references.reduce(0) { $0 + text($1.name.name) }
        case .service(let service):
            bytes += 32 + MemoryLayout<LintServiceFacts>.stride + labels(service.selector.matchLabels)
            bytes += 32 + service.namedTargetPorts.count * MemoryLayout<LintNamedReference>.stride
        case .budget(let budget):
            bytes += 32 + MemoryLayout<LintBudgetFacts>.stride + labels(budget.selector?.matchLabels ?? [:])
        case .networkPolicy(let selector, _):
            bytes += 32 + MemoryLayout<LintLabelSelector>.stride + labels(selector.matchLabels)
        case .autoscaler(let target):
            bytes += 32 + MemoryLayout<LintAutoscalerFacts>.stride + text(target.kind) + text(target.name)
        case .ingress(let backends):
            bytes += 32 + 32 + backends.count * MemoryLayout<LintNamedReference>.stride
        }
        return bytes
    }
}
