import KPlanCore
import Testing

@testable import KPlanValidation

@Suite struct SemanticPodSpecTests {
    @Test func containerNamesAreUniqueAcrossInitAndRegularContainers() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
              - name: setup
                image: busybox
              containers:
              - name: setup
                image: nginx
              - name: Web_1
                image: nginx
            """)
        let duplicate = try #require(diagnostics(found, code: "semantic.duplicate-container-name").first)
        #expect(start(duplicate) == "9:11")
        #expect(duplicate.message == "spec.containers[0].name: Duplicate value: \"setup\"")
        #expect(duplicate.notes.first?.location?.range.start == SourcePosition(line: 6, column: 11))
        #expect(diagnostics(found, code: "semantic.invalid-container-name").map(start) == ["11:11"])
    }

    @Test func everyWorkloadKindsPodSpecIsFound() throws {
        let cases: [(String, String, String)] = [
            ("apps/v1", "Deployment", "spec.template.spec"), ("batch/v1", "Job", "spec.template.spec"),
            ("v1", "ReplicationController", "spec.template.spec"), ("v1", "PodTemplate", "template.spec"),
            ("batch/v1", "CronJob", "spec.jobTemplate.spec.template.spec"), ("v1", "Pod", "spec"),
        ]
        for (apiVersion, kind, path) in cases {
            var nested = "{containers: [{name: a, image: x}, {name: a, image: y}]}"
            for key in path.split(separator: ".").reversed() { nested = "{\(key): \(nested)}" }
            let body = String(nested.dropFirst().dropLast())
            let found = try semanticCheck("apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata: {name: n}\n\(body)\n")
            let duplicate = diagnostics(found, code: "semantic.duplicate-container-name")
            #expect(duplicate.count == 1, "\(kind)")
            #expect(duplicate.first?.message.hasPrefix("\(path).containers[1].name") == true, "\(kind)")
        }
    }

    @Test func volumesAreUniqueLabelsAndMountsMustNameOne() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              volumes:
              - {name: data, emptyDir: {}}
              - {name: data, emptyDir: {}}
              - {name: Cache, emptyDir: {}}
              containers:
              - name: web
                image: nginx
                volumeMounts:
                - {name: data, mountPath: /data}
                - {name: logs, mountPath: /logs}
            """)
        // Duplicate volume names are left to the schema (volumes are a map-type list keyed by name).
        #expect(found.allSatisfy { !$0.code.hasPrefix("semantic.duplicate") })
        #expect(diagnostics(found, code: "semantic.invalid-volume-name").map(start) == ["8:12"])
        let unknown = try #require(diagnostics(found, code: "semantic.unknown-volume").first)
        #expect(start(unknown) == "14:14")
        #expect(unknown.message.hasPrefix("spec.containers[0].volumeMounts[1].name: Not found: \"logs\""))
    }

    @Test func statefulSetClaimTemplatesCountAsVolumes() throws {
        let found = try semanticCheck(
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              selector: {matchLabels: {app: db}}
              volumeClaimTemplates:
              - metadata: {name: data}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers:
                  - name: db
                    image: postgres
                    volumeMounts: [{name: data, mountPath: /var/lib/postgresql}]
            """)
        #expect(found.isEmpty)
    }

    @Test func containerPortsAreIANANamesUniqueWithinAContainer() throws {
        let found = try semanticCheck(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: web
                image: nginx
                ports:
                - {name: http, containerPort: 80}
                - {name: http, containerPort: 8080}
                - {name: metrics--x, containerPort: 70000}
                - {name: 9090, containerPort: 9090, hostPort: 0}
              - name: sidecar
                image: envoy
                ports:
                - {name: http, containerPort: 9901}
            """)
        #expect(diagnostics(found, code: "semantic.duplicate-port-name").map(start) == ["10:14"])
        let invalid = diagnostics(found, code: "semantic.invalid-port-name")
        #expect(invalid.map(start) == ["11:14"])
        #expect(invalid.first?.message.hasSuffix("must not contain consecutive hyphens") == true)
        let number = diagnostics(found, code: "semantic.invalid-port-number")
        #expect(number.map(start) == ["11:41"])
        #expect(number.first?.message == "spec.containers[0].ports[2].containerPort: Invalid value: \"70000\": must be between 1 and 65535, inclusive")
    }
}
