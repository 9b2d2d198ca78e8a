import KPlanCore
import KPlanDiff
import Testing
import KPlanOutput

@Suite struct PlanTextRendererTests {
    @Test func rendersWavesHeadersUnifiedDiffsAndSummary() {
        let expected = """
            Wave 1/4: Namespace

            + create Namespace prod
            --- live
            +++ planned
            @@ -0,0 +1,4 @@
            +apiVersion: v1
            +kind: Namespace
            +metadata:
            +  name: prod

            Wave 3/4: Deployment

            ~ update Deployment.apps prod/web
            --- live
            +++ planned
            @@ -14,5 +14,5 @@
                     app: web
                 spec:
                   containers:
            -      - image: nginx:1.26
            +      - image: nginx:1.27
                     name: app

            Wave 4/4: ConfigMap

            - delete ConfigMap prod/old
            --- live
            +++ planned
            @@ -1,7 +0,0 @@
            -apiVersion: v1
            -data:
            -  x: "1"
            -kind: ConfigMap
            -metadata:
            -  name: old
            -  namespace: prod

            Plan: 1 to create, 1 to update, 1 to delete, 1 unchanged.

            """
        #expect(PlanOutputFormat.text.render(SamplePlan.plan) == expected)
    }

    @Test func fieldsStyleListsPathsInsteadOfDiffs() {
        let text = PlanTextRenderer(options: PlanRenderOptions(style: .fields)).render(SamplePlan.plan)
        #expect(text.contains("~ update Deployment.apps prod/web\n    ~ .spec.template.spec.containers[name=\"app\"].image\n"))
        #expect(text.contains("+ create Namespace prod\n    (new object)\n"))
        #expect(text.contains("- delete ConfigMap prod/old\n    (object deleted)\n"))
        #expect(!text.contains("@@"))
    }

    @Test func listsUnchangedObjectsWhenAsked() {
        let output = PlanOutputFormat.text.render(SamplePlan.plan, options: PlanRenderOptions(listUnchanged: true))
        #expect(output.contains("Wave 2/4: ConfigMap\n\n= unchanged ConfigMap prod/same\n\nWave 3/4: Deployment\n"))
    }

    @Test func colourMarksActionsHunksAndLines() {
        let esc = "\u{1B}["
        let plan = Plan(changes: [
            SamplePlan.change(.update, SamplePlan.configMap("c", ["k": "a"]), SamplePlan.configMap("c", ["k": "b"]), wave: 0)
        ])
        let expected = "\(esc)1mWave 1/1: ConfigMap\(esc)0m\n\n"
            + "\(esc)1;33m~ update ConfigMap prod/c\(esc)0m\n"
            + "\(esc)1m--- live\(esc)0m\n\(esc)1m+++ planned\(esc)0m\n"
            + "\(esc)36m@@ -1,6 +1,6 @@\(esc)0m\n"
            + " apiVersion: v1\n data:\n\(esc)31m-  k: a\(esc)0m\n\(esc)32m+  k: b\(esc)0m\n kind: ConfigMap\n metadata:\n   name: c\n\n"
            + "Plan: 0 to create, 1 to update, 0 to delete, 0 unchanged.\n"
        #expect(PlanOutputFormat.text.render(plan, options: PlanRenderOptions(color: true)) == expected)
    }

    @Test func secretsAreMaskedUnlessShown() {
        let plan = Plan(changes: [
            SamplePlan.change(
                .update, SamplePlan.secret(["password": "b2xk", "user": "YWRtaW4="]),
                SamplePlan.secret(["password": "bmV3LXNlY3JldA==", "user": "YWRtaW4="]), wave: 0)
        ])
        let masked = PlanOutputFormat.text.render(plan)
        #expect(masked.contains("-  password: (sensitive, 3 bytes, before change)\n+  password: (sensitive, changed, 3 → 10 bytes)\n   user: (sensitive, 5 bytes)\n"))
        #expect(!masked.contains("b2xk") && !masked.contains("bmV3LXNlY3JldA==") && !masked.contains("YWRtaW4="))
        let shown = PlanOutputFormat.text.render(plan, options: PlanRenderOptions(showSecrets: true))
        #expect(shown.contains("-  password: b2xk\n+  password: bmV3LXNlY3JldA==\n"))
    }

    @Test func aPlanWithoutChangesSaysSo() {
        let same = SamplePlan.configMap("same", ["k": "v"])
        let plan = Plan(changes: [SamplePlan.change(.unchanged, same, same, wave: 0)])
        #expect(PlanOutputFormat.text.render(plan) == "No changes: the cluster matches the manifests.\n\nPlan: 0 to create, 0 to update, 0 to delete, 1 unchanged.\n")
    }

    @Test func controlCharactersInNamesAreNeutralised() {
        let object = KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "evil\u{1B}[2J"]])
        let output = PlanOutputFormat.text.render(Plan(changes: [SamplePlan.change(.create, nil, object, wave: 0)]))
        #expect(!output.contains("\u{1B}"))
        #expect(output.contains("+ create Namespace evil\u{FFFD}[2J\n"))
    }
}
