import KPlanCore
import Testing

@testable import KPlanValidation

@Suite struct SemanticDuplicateTests {
    private func scope(_ gvk: GroupVersionKind) -> ResourceScope? {
        switch gvk.kind {
        case "Namespace", "ClusterRole": .cluster
        case "ConfigMap": .namespaced
        default: nil
        }
    }

    @Test func sameObjectTwicePointsAtTheSecondNameWithANoteAtTheFirst() throws {
        let resources = semanticResources(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cfg}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cfg
              namespace: default
            """)
        let found = SemanticChecker.duplicates(in: resources, defaultNamespace: "default", scope: scope)
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.code == "semantic.duplicate-resource")
        #expect(start(diagnostic) == "8:9")
        #expect(diagnostic.message == "ConfigMap default/cfg is defined more than once in the input (first at t.yaml:3)")
        #expect(diagnostic.notes.first?.location?.range.start == SourcePosition(line: 3, column: 18))
        #expect(diagnostic.object == "ConfigMap default/cfg")
    }

    @Test func namespaceGroupAndKindSeparateObjects() {
        let resources = semanticResources(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cfg, namespace: a}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cfg, namespace: b}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: cfg, namespace: a}
            ---
            apiVersion: example.com/v1
            kind: ConfigMap
            metadata: {name: cfg, namespace: a}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {generateName: cfg}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {generateName: cfg}
            """)
        #expect(SemanticChecker.duplicates(in: resources, defaultNamespace: "default", scope: scope).isEmpty)
    }

    @Test func clusterScopedKindsIgnoreTheirNamespace() {
        let resources = semanticResources(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader, namespace: a}
            ---
            apiVersion: rbac.authorization.k8s.io/v1beta1
            kind: ClusterRole
            metadata: {name: reader}
            """)
        let found = SemanticChecker.duplicates(in: resources, defaultNamespace: "default", scope: scope)
        #expect(found.map(start) == ["7:18"])
        #expect(found.first?.message.hasPrefix("ClusterRole.rbac.authorization.k8s.io reader ") == true)
    }
}
