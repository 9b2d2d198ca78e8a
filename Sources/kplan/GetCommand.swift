import ArgumentParser
import KPlan
import KPlanCore
import KPlanYAML

/// `kplan get`: read objects from the embedded cluster, as `kubectl get` does.
struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show objects of the embedded cluster: kplan get KIND [NAME] [-n NS | -A] [-o yaml|json|name].",
        discussion: "KIND is a kind, resource or short name as kubectl takes it (deploy, pvc, deployments.apps).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, yaml, json, name
    }

    @Argument(help: "The kind, resource or short name.")
    var kind: String

    @Argument(help: "An object name; without it, every object of the kind.")
    var name: String?

    @Option(name: [.short, .long], help: "The namespace (default: default).")
    var namespace: String?

    @Flag(name: [.customShort("A"), .customLong("all-namespaces")], help: "Objects of every namespace.")
    var allNamespaces = false

    @Option(name: [.short, .customLong("output")], help: "Output format: table, yaml, json or name.")
    var output: Format = .table

    @OptionGroup var cluster: ClusterArguments

    func validate() throws {
        if allNamespaces && name != nil { throw ValidationError("A name cannot be given with --all-namespaces.") }
    }

    func run() async throws {
        let objects = try await Console.guarded { () async throws -> [KubeObject] in
            let session = try ClusterSession.open(cluster.options, exclusive: false)
            return try await ObjectQuery(cluster: session.cluster).objects(
                kind: kind, name: name, namespace: allNamespaces ? nil : (namespace ?? "default"))
        }
        switch output {
        case .yaml:
            Console.out(YAMLEmitter.emit(Self.document(objects, single: name != nil)))
        case .json:
            Console.out(Self.document(objects, single: name != nil).prettyJSON)
        case .name:
            for object in objects { Console.out(ObjectQuery.qualifiedName(object) + "\n") }
        case .table:
            if objects.isEmpty {
                Console.err(allNamespaces ? "No resources found\n" : "No resources found in \(namespace ?? "default") namespace.\n")
                return
            }
            Console.out(ObjectQuery.table(objects, showNamespace: allNamespaces))
        }
    }

    /// One object as itself, several as a `List`, as kubectl prints them.
    private static func document(_ objects: [KubeObject], single: Bool) -> JSONValue {
        if single, let object = objects.first { return object.value }
        return ["apiVersion": "v1", "kind": "List", "metadata": ["resourceVersion": ""], "items": .array(objects.map(\.value))]
    }
}
