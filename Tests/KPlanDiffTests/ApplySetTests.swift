import KPlanCore
import KPlanDiff
import Testing

@Suite struct ApplySetTests {
    let applySet = ApplySet(name: "kplan-applyset", namespace: "default")

    /// The id kubectl 1.37 wrote for the same parent (`KUBECTL_APPLYSET=true kubectl apply --server-side
    /// --prune --applyset=kplan-applyset -n default`, against kube-apiserver 1.20.2).
    @Test func idIsKubectls() {
        #expect(applySet.id == "applyset-7bOe7pFNpkFFMyHkFQhJ2VladtAjM0qWcYJMO0gFvQQ-v1")
        #expect(ApplySet(name: "other", namespace: "default").id != applySet.id)
    }

    @Test func membersAreLabelledAndTheParentRecordsKindsAndNamespaces() {
        let member = applySet.member(KubeObject(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "a"]]))
        #expect(member.labels[ApplySet.partOfLabel] == applySet.id)
        let parent = applySet.parent(groupKinds: ["Deployment.apps", "ConfigMap"], namespaces: ["default", "shop", ""], tooling: "kplan/1.0.0")
        #expect(parent.key == applySet.parentKey)
        #expect(parent.labels == [ApplySet.idLabel: applySet.id])
        #expect(parent.annotations[ApplySet.groupKindsAnnotation] == "ConfigMap,Deployment.apps")
        #expect(parent.annotations[ApplySet.namespacesAnnotation] == "shop")
        #expect(ApplySet.groupKinds(of: parent).map { "\($0.kind)/\($0.group)" } == ["ConfigMap/", "Deployment/apps"])
        #expect(ApplySet.namespaces(of: parent) == ["default", "shop"])
    }
}
