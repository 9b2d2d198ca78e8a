import KPlanCore
import Testing
import KPlanDiff

@Suite struct NoiseFilterTests {
    @Test func stripsServerBookkeepingAndEmptiedMaps() {
        let live = KubeObject([
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": [
                "name": "cfg", "namespace": "default", "uid": "u-1", "resourceVersion": "42", "generation": 3,
                "creationTimestamp": "2026-01-01T00:00:00Z", "selfLink": "/api/v1/x", "managedFields": [["manager": "kplan"]],
                "annotations": ["kubectl.kubernetes.io/last-applied-configuration": "{}"],
                "labels": ["app": "web"],
            ],
            "data": ["a": "1"], "status": ["phase": "Active"],
        ])
        let expected: JSONValue = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": "cfg", "namespace": "default", "labels": ["app": "web"]],
            "data": ["a": "1"],
        ]
        #expect(NoiseFilter.strip(live).value == expected)
    }

    @Test func keepsOtherAnnotationsAndLeavesCleanObjectsAlone() {
        let object: JSONValue = [
            "metadata": ["name": "x", "annotations": ["team": "a", NoiseFilter.lastAppliedAnnotation: "{}"]],
        ]
        #expect(NoiseFilter.strip(object) == ["metadata": ["name": "x", "annotations": ["team": "a"]]])
        let clean: JSONValue = ["metadata": ["name": "x", "labels": [:]], "spec": ["status": "kept"]]
        #expect(NoiseFilter.strip(clean) == clean)
    }
}
