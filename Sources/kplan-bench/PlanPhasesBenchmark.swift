import Foundation
import KPlan
import KPlanCore
import KPlanDiff
import KPlanSimulator

/// `kplan-bench --plan-phases [N]`: times the embedded cluster's parts of a plan one by one, against
/// N seeded objects with every tenth changed (as `--plan` does): finding the repeats among all desired
/// objects, reading the changed ones' live objects, dry-running their applies, and the whole planner
/// for reference. Each repetition opens the state anew; printed are the best wall and process CPU
/// times (CPU summed over cores, steadier than wall time on a noisy machine for comparing changes).
enum PlanPhasesBenchmark {
    static func run(size: Int, perFile: Int, repetitions: Int) {
        PlanBenchmark.blocking { try await measure(size: size, perFile: perFile, repetitions: repetitions) }
    }

    static func measure(size: Int, perFile: Int, repetitions: Int) async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-phase-bench-\(size)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: base)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let original = try PlanBenchmark.write(size: size, perFile: perFile, changed: false, into: base + "/v1")
        let changed = try PlanBenchmark.write(size: size, perFile: perFile, changed: true, into: base + "/v2")
        let state = ClusterOptions(statePath: base + "/cluster.db")
        let settings = PlanSettings()
        let (_, resources, version) = try await PlanBenchmark.seedState(state, manifests: original, settings: settings)
        let desired = try DesiredState.load(ManifestOptions(paths: [changed]), kubernetesVersion: version, resources: resources)
        let objects = desired.objects.map(\.object)
        let options = ApplyOptions(fieldManager: settings.fieldManager, force: false, dryRun: true)

        var best: [String: (wall: Double, cpu: Double)] = [:]
        var order: [String] = []
        func record(_ phase: String, _ start: (wall: Double, cpu: Double)) {
            let elapsed = (wall: now() - start.wall, cpu: processCPUTime() - start.cpu)
            if best[phase] == nil { order.append(phase) }
            let previous = best[phase] ?? (.infinity, .infinity)
            best[phase] = (min(previous.wall, elapsed.wall), min(previous.cpu, elapsed.cpu))
        }
        var changedCount = 0
        for _ in 0..<max(repetitions, 1) {
            let session = try ClusterSession.open(state, exclusive: false)
            var start = (wall: now(), cpu: processCPUTime())
            let repeats = try await session.cluster.unchangedApplies(objects, options: options)
            record("repeats found (all objects)", start)
            let others = zip(objects, repeats).compactMap { $1 == nil ? $0 : nil }
            changedCount = others.count
            start = (now(), processCPUTime())
            let live = try await session.cluster.get(others.map(\.key))
            record("live objects read (the others)", start)
            start = (now(), processCPUTime())
            let results = try await session.cluster.dryRunApplies(others, options: options)
            record("dry runs (the others)", start)
            guard live.count == others.count, results.allSatisfy({ (try? $0.get()) != nil }) else {
                throw BenchmarkFailure(message: "a changed object is missing or its dry run failed")
            }
            session.close()

            let planSession = try ClusterSession.open(state, exclusive: false)
            let registry = try PlanWorkflow.schemaRegistry(cluster: planSession.cluster, desired: desired.objects)
            start = (now(), processCPUTime())
            let planned = try await PlanWorkflow.planner(cluster: planSession.cluster, registry: registry)
                .plan(PlanRequest(objects: desired.objects, fieldManager: settings.fieldManager, forceConflicts: false, prune: nil))
            record("whole planner (no parse)", start)
            // Freed only now, so the time holds none of its deallocation (`kplan plan` exits instead).
            withExtendedLifetime(planned) {}
            planSession.close()
        }
        print("plan phases: \(objects.count) desired objects, \(changedCount) not repeats, best of \(repetitions)")
        print("| phase | wall | CPU (all cores) |")
        print("|---|---|---|")
        for phase in order {
            let (wall, cpu) = best[phase]!
            print(String(format: "| %@ | %.1f ms | %.1f ms |", phase, wall * 1000, cpu * 1000))
        }
    }

    /// CPU time used by this process so far, on all its threads, in seconds.
    static func processCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
