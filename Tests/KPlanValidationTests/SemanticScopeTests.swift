import KPlanCore
import Testing

@testable import KPlanValidation

@Suite struct SemanticScopeTests {
    @Test func namespaceOnAClusterScopedKindIsAWarning() throws {
        let text = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n  namespace: team-a\n"
        let found = try semanticCheck(text, scope: .cluster)
        let diagnostic = try #require(diagnostics(found, code: "semantic.namespace-on-cluster-scoped").first)
        #expect(diagnostic.severity == .warning)
        #expect(start(diagnostic) == "5:14")
        #expect(diagnostic.message.contains("ignores namespace \"team-a\""))
        #expect(try semanticCheck(text, scope: .namespaced).isEmpty)
        #expect(try semanticCheck(text, scope: nil).isEmpty)
    }

    @Test func clusterRoleBindingCannotReferToARole() throws {
        let found = try semanticCheck(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: readers}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
            subjects:
            - {kind: ServiceAccount, name: robot}
            - {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
            """, scope: .cluster)
        let roleRef = try #require(diagnostics(found, code: "semantic.invalid-role-ref").first)
        #expect(start(roleRef) == "4:54")
        #expect(roleRef.message.hasPrefix("roleRef.kind: Unsupported value: \"Role\": supported values: \"ClusterRole\""))
        let subject = try #require(diagnostics(found, code: "semantic.invalid-subject").first)
        #expect(start(subject) == "6:3")
        #expect(subject.message.hasPrefix("subjects[0].namespace: Required value"))
    }

    @Test func roleBindingServiceAccountMayOmitItsNamespace() throws {
        let found = try semanticCheck(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: readers, namespace: team-a}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
            subjects:
            - {kind: ServiceAccount, name: robot}
            - {kind: Group, name: devs}
            """)
        #expect(found.isEmpty)
    }

    @Test func unsupportedSubjectsAndGroupsAreRejected() throws {
        let found = try semanticCheck(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: readers}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Secret, name: reader}
            subjects:
            - {kind: Robot, name: r2}
            - {kind: ServiceAccount, name: robot, apiGroup: v1}
            """)
        #expect(diagnostics(found, code: "semantic.invalid-role-ref").map(start) == ["4:54"])
        #expect(diagnostics(found, code: "semantic.invalid-subject").map(start) == ["6:10", "7:49"])
    }
}
