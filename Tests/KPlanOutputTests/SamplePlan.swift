import KPlanCore
import KPlanDiff

/// Small hand-built plans for the plan renderers' tests.
enum SamplePlan {
    static func change(
        _ action: PlanAction, _ before: KubeObject?, _ after: KubeObject?, wave: Int, fields: FieldChanges = FieldChanges()
    ) -> PlannedChange {
        let object = (after ?? before)!
        return PlannedChange(
            key: object.key, apiVersion: object.apiVersion, action: action, before: before, after: after,
            desired: after, fields: fields, wave: wave, liveUID: before?.uid, liveResourceVersion: before?.resourceVersion,
            source: after.map { _ in
                SourceLocation(file: "app.yaml", range: SourceRange(at: SourcePosition(line: 1, column: 1)))
            })
    }

    static let namespace = KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "prod"]])

    static func configMap(_ name: String, _ data: [String: JSONValue]) -> KubeObject {
        KubeObject([
            "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "namespace": "prod"],
            "data": .object(data),
        ])
    }

    static func deployment(image: String, replicas: Int64) -> KubeObject {
        KubeObject([
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "namespace": "prod"],
            "spec": [
                "replicas": .int(replicas), "selector": ["matchLabels": ["app": "web"]],
                "template": [
                    "metadata": ["labels": ["app": "web"]],
                    "spec": ["containers": [["name": "app", "image": .string(image)]]],
                ],
            ],
        ])
    }

    static func secret(_ data: [String: JSONValue]) -> KubeObject {
        KubeObject([
            "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "db", "namespace": "prod"], "data": .object(data),
        ])
    }

    /// A create, an update, a delete and an unchanged object over three waves.
    static let plan = Plan(changes: [
        change(.create, nil, namespace, wave: 0, fields: FieldChanges(added: [FieldPath(fields: "metadata", "name")])),
        change(.unchanged, configMap("same", ["k": "v"]), configMap("same", ["k": "v"]), wave: 1),
        change(
            .update, deployment(image: "nginx:1.26", replicas: 2), deployment(image: "nginx:1.27", replicas: 2), wave: 2,
            fields: FieldChanges(modified: [
                FieldPath([.field("spec"), .field("template"), .field("spec"), .field("containers"),
                           .key([FieldPath.KeyField(name: "name", value: "app")]), .field("image")])
            ])),
        change(.delete, configMap("old", ["x": "1"]), nil, wave: 3,
               fields: FieldChanges(removed: [FieldPath(fields: "data", "x")])),
    ])
}
