import ArgumentParser
import KPlan
import KPlanCore

/// `kplan delete -f`: delete the objects the manifests name, dependents first.
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete the objects the manifests name from the embedded cluster (in reverse dependency order).",
        discussion: "Exit status: 0 all deleted, 1 any not found (unless --ignore-not-found) or refused, 64 usage error.")

    @OptionGroup var manifests: ManifestArguments
    @OptionGroup var cluster: ClusterArguments

    @Flag(name: .customLong("ignore-not-found"), help: "Treat objects that do not exist as deleted.")
    var ignoreNotFound = false

    @Flag(name: .customLong("dry-run"), help: "Show what would be deleted without deleting.")
    var dryRun = false

    @Option(name: .customLong("cascade"), help: "What happens to dependents: background, foreground or orphan.")
    var cascade: PropagationPolicy = .background

    func validate() throws {
        if manifests.filenames.isEmpty { throw ValidationError("Name the manifests with -f FILE or -f DIRECTORY.") }
    }

    func run() async throws {
        let session = try await Console.guarded { try ClusterSession.open(cluster.options, exclusive: !dryRun) }
        defer { session.close() }
        let results = try await Console.guarded {
            try await ManifestDeletion(cluster: session.cluster).delete(
                manifests.options, propagation: cascade, dryRun: dryRun)
        }
        var failed = false
        for line in results {
            switch line {
            case .deleted(let object, let pending):
                let suffix = dryRun ? " (dry run)" : ""
                Console.out("\(ObjectQuery.qualifiedName(object)) \(pending ? "marked for deletion (finalizers remain)" : "deleted")\(suffix)\n")
            case .notFound(let message):
                if !ignoreNotFound {
                    Console.err("Error from server (NotFound): \(message)\n")
                    failed = true
                }
            case .refused(let message):
                Console.err("kplan: error: \(message)\n")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

extension PropagationPolicy: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.prefix(1).uppercased() + argument.dropFirst().lowercased())
    }
}
