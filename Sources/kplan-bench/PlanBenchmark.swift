import Foundation
import KPlan
import KPlanCore
import KPlanDiff
import KPlanSimulator
import Synchronization

/// `kplan-bench --plan [N…]`: plans N desired objects against N live ones (a mix of kinds, every
/// tenth changed) and, in the same run, times parsing and validating the same manifests; prints both,
/// their ratio (target: plan ≤ 2× parse+validate) and the growth between the sizes (target: 1,000 →
/// 10,000 objects ≤ 12×).
enum PlanBenchmark {
    /// Namespaces the generated objects live in.
    static let namespaces = (0..<17).map { "team-\($0)" }

    /// One size's measurements, in seconds (best of `repetitions`).
    struct Measurement {
        var objects: Int
        var seed: Double
        var parseAndValidate: Double
        var plan: Double
        /// Opening the state, within `plan` (of the fastest plan): SQLite's integrity check reads the whole file.
        var opening: Double
        var updates: Int
        var unchanged: Int
    }

    static func run(sizes: [Int], perFile: Int, repetitions: Int) {
        var results: [Measurement] = []
        for size in sizes {
            results.append(blocking { try await measure(size: size, perFile: perFile, repetitions: repetitions) })
        }
        print("plan benchmark: N desired objects against N live ones, every tenth changed (best of \(repetitions))")
        print("| objects | seed (plan+apply) | parse+validate | plan (incl. opening the state, parse+validate) | of which opening | plan / parse+validate | updates | unchanged |")
        print("|---|---|---|---|---|---|---|---|")
        for result in results {
            print("| \(result.objects) | \(ms(result.seed)) | \(ms(result.parseAndValidate)) | \(ms(result.plan)) | \(ms(result.opening)) | "
                + "\(String(format: "%.2f", result.plan / result.parseAndValidate)) | \(result.updates) | \(result.unchanged) |")
        }
        if let first = results.first, let last = results.last, last.objects > first.objects {
            print("growth \(first.objects) → \(last.objects) objects: plan \(String(format: "%.1f", last.plan / first.plan))× "
                + "(parse+validate \(String(format: "%.1f", last.parseAndValidate / first.parseAndValidate))×)")
        }
    }

    static func measure(size: Int, perFile: Int, repetitions: Int) async throws -> Measurement {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-plan-bench-\(size)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: base)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let original = try write(size: size, perFile: perFile, changed: false, into: base + "/v1")
        let changed = try write(size: size, perFile: perFile, changed: true, into: base + "/v2")

        let state = ClusterOptions(statePath: base + "/cluster.db")
        let settings = PlanSettings()
        let (seed, resources, version) = try await seedState(state, manifests: original, settings: settings)
        var parseAndValidate = Double.infinity
        var plan = Double.infinity
        var opening = 0.0
        // What the last plan found; the plans themselves are freed at the end of each repetition,
        // so no timing runs beside an earlier one's objects.
        var last: (updates: Int, unchanged: Int, problems: [PlanProblem])?
        for _ in 0..<repetitions {
            // The parsed manifests are freed before the plan starts (and after their time is taken),
            // so the plan runs on the same heap as the parse and validation did, not beside a copy.
            do {
                let start = now()
                let desired = try DesiredState.load(ManifestOptions(paths: [changed]), kubernetesVersion: version, resources: resources)
                parseAndValidate = min(parseAndValidate, now() - start)
                guard desired.isValid else { throw BenchmarkFailure(message: "generated manifests are invalid") }
            }

            // Each plan opens the state as `kplan plan` does (opening is timed with it), so none
            // reuses or frees what an earlier one left in the cluster's caches.
            let planStart = now()
            let planSession = try ClusterSession.open(state, exclusive: false)
            let opened = now()
            let outcome = try await PlanWorkflow.plan(ManifestOptions(paths: [changed]), settings: settings, cluster: planSession.cluster)
            let planned = now()
            if planned - planStart < plan {
                plan = planned - planStart
                opening = opened - planStart
            }
            planSession.close()
            last = outcome.result.map { ($0.plan.count(of: .update), $0.plan.count(of: .unchanged), $0.problems) }
        }
        guard let last, last.problems.isEmpty else { throw BenchmarkFailure(message: "planning failed: \(last?.problems.prefix(3) ?? [])") }
        return Measurement(
            objects: size, seed: seed, parseAndValidate: parseAndValidate, plan: plan, opening: opening,
            updates: last.updates, unchanged: last.unchanged)
    }

    /// Plans and applies `manifests` to a new state, as `kplan apply` does, and closes it again; returns
    /// the time taken and the cluster's resources and Kubernetes version.
    static func seedState(_ state: ClusterOptions, manifests: String, settings: PlanSettings) async throws
        -> (seconds: Double, resources: [APIResource], version: String)
    {
        let start = now()
        let session = try ClusterSession.open(state, exclusive: true)
        defer { session.close() }
        let outcome = try await PlanWorkflow.plan(ManifestOptions(paths: [manifests]), settings: settings, cluster: session.cluster)
        guard let plan = outcome.result, plan.problems.isEmpty else {
            throw BenchmarkFailure(message: "seeding failed: \(outcome.desired.lint.diagnostics.prefix(3)) \(outcome.result?.problems.prefix(3) ?? [])")
        }
        let report = await PlanApplier(backend: session.cluster, fieldManager: settings.fieldManager, forceConflicts: false).apply(plan.plan)
        if let failure = report.failure { throw BenchmarkFailure(message: "seeding failed at \(failure.change.key): \(failure.message)") }
        let seconds = now() - start
        return (seconds, try await session.cluster.resources(), session.cluster.builtin.version)
    }

    /// Writes the namespaces and `size` generated objects (`perFile` a file); with `changed`, every
    /// tenth object differs in one field.
    static func write(size: Int, perFile: Int, changed: Bool, into directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let namespaceDocuments = namespaces.map { "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: \($0)\n" }
        try namespaceDocuments.joined().write(toFile: directory + "/namespaces.yaml", atomically: true, encoding: .utf8)
        for fileIndex in 0..<((size + perFile - 1) / perFile) {
            var text = ""
            for index in (fileIndex * perFile)..<min(size, (fileIndex + 1) * perFile) {
                let document = GeneratedManifests.resource(index)
                text += changed && index % 10 == 0 ? variant(of: document) : document
            }
            try text.write(toFile: directory + "/objects-\(fileIndex).yaml", atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// The document with one field changed.
    static func variant(of document: String) -> String {
        let edits = [
            ("1.4.2", "1.4.3"), ("LOG_FORMAT: json", "LOG_FORMAT: text"), ("      port: 80\n", "      port: 81\n"),
            ("pathType: Prefix", "pathType: Exact"), ("maxUnavailable: 1\n", "maxUnavailable: 2\n"),
            ("automountServiceAccountToken: false", "automountServiceAccountToken: true"),
        ]
        for (from, to) in edits where document.contains(from) {
            return document.replacingOccurrences(of: from, with: to)
        }
        return document
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.0f ms", seconds * 1000) }

    /// Runs async work to completion from synchronous code.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> T {
        let outcome = Mutex<Swift.Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value: Swift.Result<T, any Error>
            do { value = .success(try await body()) } catch { value = .failure(error) }
            outcome.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        switch outcome.withLock({ $0 })! {
        case .success(let value): return value
        case .failure(let error):
            FileHandle.standardError.write(Data("plan benchmark failed: \(error)\n".utf8))
            exit(1)
        }
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
