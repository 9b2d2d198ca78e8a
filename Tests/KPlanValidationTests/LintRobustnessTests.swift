import KPlanCore
import Testing
@testable import KPlanValidation

@Suite struct LintRobustnessTests {
    /// Manifests with the wrong type almost everywhere a rule looks.
    static let malformed = [
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: [1], namespace: {a: b}, annotations: {kplan.dev/ignore: [x]}}
        spec:
          replicas: 9223372036854775807
          template:
            metadata: {labels: [app]}
            spec:
              containers: "web"
              initContainers: [1, [2], {name: {x: 1}, image: 3, securityContext: [], resources: {requests: 5}}]
              volumes: [{hostPath: 1}, {hostPath: {path: [1]}}, 7]
              securityContext: {sysctls: {a: b}, runAsUser: "0"}
              affinity: 3
        """,
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          replicas: 9223372036854775807
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: "db:1", ports: {a: 1}, env: "x", envFrom: [1]}]}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: db}
        spec: {minAvailable: 9223372036854775807, selector: {matchLabels: {app: db}, matchExpressions: [{key: a}]}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: db2}
        spec: {minAvailable: 1, maxUnavailable: [0], selector: {matchLabels: {app: db}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec: {selector: [app], ports: 80, type: [NodePort]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: r}
        rules: [1, {resources: "*", verbs: {a: 1}}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: i}
        spec: {rules: [{http: {paths: [1, {backend: 2}]}}], defaultBackend: []}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: h}
        spec: {scaleTargetRef: {kind: [Deployment], name: 1}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec: 5
        """,
        "[1, 2, 3]",
        "plain scalar",
    ]

    @Test(arguments: malformed)
    func everyRuleToleratesMalformedObjects(text: String) {
        let resources = lintResources(text).resources
        let engine = LintEngine(configuration: LintConfiguration(enable: ["all"]))
        let diagnostics = engine.run(on: resources)
        #expect(diagnostics.allSatisfy { $0.code.hasPrefix("lint.") && !$0.message.isEmpty })
        #expect(diagnostics == diagnostics.sorted())
    }

    @Test func hugeReplicaCountsDoNotOverflow() {
        let findings = lintFindings(PDBBlocksEvictionRule(), """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: db}
            spec: {minAvailable: 9223372036854775807, selector: {matchLabels: {app: db}}}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: a}
            spec: {replicas: 9223372036854775807, template: {metadata: {labels: {app: db}}, spec: {containers: []}}}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: b}
            spec: {replicas: 2, template: {metadata: {labels: {app: db}}, spec: {containers: []}}}
            """)
        #expect(findings.map(\.message) == [
            "minAvailable 9223372036854775807 is at least the 9223372036854775807 replicas selected, so no pod can be evicted",
        ])
    }
}
