import Foundation
import KPlan
import KPlanCore
import KPlanSimulator
import KPlanYAML

/// `kplan-bench --json-bench [N]`: times the JSON work a plan does per object. It seeds a state with
/// N generated objects (as `--plan` does), reads them back as stored (with managed fields and
/// status), then times parsing their stored JSON, writing it back, writing the desired objects'
/// canonical JSON and applied-configuration digests, and making JSON values of the manifests' YAML
/// trees, each on one core, and prints MB/s and a
/// checksum of the desired objects' output (equal checksums: byte-identical output; the stored
/// objects hold random uids and times, so theirs would differ between runs).
enum JSONBenchmark {
    static func run(size: Int, perFile: Int, repetitions: Int) {
        let (stored, desired, nodes) = PlanBenchmark.blocking { try await inputs(size: size, perFile: perFile) }
        let storedBytes = stored.reduce(0) { $0 + $1.count }
        let (parse, parsed) = fastest(repetitions) { stored.map { try! JSONValue(parsing: $0) } }
        guard parsed.map(\.compactJSONBytes) == stored else {
            FileHandle.standardError.write(Data("json benchmark: a parsed object does not write back to its stored JSON\n".utf8))
            exit(1)
        }
        let (write, written) = fastest(repetitions) { desired.map(\.value.compactJSONBytes) }
        let writtenBytes = written.reduce(0) { $0 + $1.count }
        let (digest, digests) = fastest(repetitions) {
            desired.map { EmbeddedCluster.applyDigest($0, manager: "kplan", kubernetesVersion: "1.31") }
        }
        let (writeStored, _) = fastest(repetitions) { parsed.map(\.compactJSONBytes) }
        let (convert, _) = fastest(repetitions) { nodes.map(JSONValue.init) }
        func row(_ label: String, _ seconds: Double, bytes: Int, objects: Int) -> String {
            "  \(label.padding(toLength: 34, withPad: " ", startingAt: 0)) "
                + String(format: "%8.2f ms %8.1f MB/s %10.0f objects/s", seconds * 1000, Double(bytes) / seconds / 1e6, Double(objects) / seconds)
        }
        print("json benchmark: \(stored.count) stored objects (\(storedBytes / max(stored.count, 1)) bytes each), "
            + "\(desired.count) desired (\(writtenBytes / max(desired.count, 1)) bytes each), one core, best of \(repetitions)")
        print(row("parse stored JSON", parse, bytes: storedBytes, objects: stored.count))
        print(row("write stored objects' JSON", writeStored, bytes: storedBytes, objects: stored.count))
        print(row("write desired objects' JSON", write, bytes: writtenBytes, objects: desired.count))
        print(row("applied-configuration digests", digest, bytes: writtenBytes, objects: desired.count))
        print(row("YAML trees to JSON values", convert, bytes: writtenBytes, objects: nodes.count))
        print("  checksum of the desired objects' JSON and digests: \(checksum(Array(written.joined()) + digests.joined().utf8))")
    }

    /// The best of `repetitions` timings of `body`, and its last result; each result is freed
    /// before the next timing starts, so no timing holds the freeing of a previous one.
    static func fastest<Result>(_ repetitions: Int, _ body: () -> Result) -> (seconds: Double, result: Result) {
        var seconds = Double.infinity
        var result: Result?
        for _ in 0..<max(repetitions, 1) {
            result = nil
            let start = now()
            let next = body()
            seconds = min(seconds, now() - start)
            result = next
        }
        return (seconds, result!)
    }

    /// The stored JSON of `size` seeded objects, the desired objects of the same manifests and their
    /// documents' YAML trees.
    static func inputs(size: Int, perFile: Int) async throws -> (stored: [[UInt8]], desired: [KubeObject], nodes: [Node]) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-json-bench-\(size)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: base)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let manifests = try PlanBenchmark.write(size: size, perFile: perFile, changed: false, into: base + "/v1")
        let state = ClusterOptions(statePath: base + "/cluster.db")
        let (_, resources, version) = try await PlanBenchmark.seedState(state, manifests: manifests, settings: PlanSettings())
        let desired = try DesiredState.load(ManifestOptions(paths: [manifests]), kubernetesVersion: version, resources: resources)
        let objects = desired.objects.map(\.object)
        let session = try ClusterSession.open(state, exclusive: false)
        defer { session.close() }
        let live = try await session.cluster.get(objects.map(\.key))
        let stored = objects.compactMap { live[$0.key]?.value.compactJSONBytes }
        var nodes: [Node] = []
        for path in try FileManager.default.contentsOfDirectory(atPath: manifests).sorted() {
            let bytes = Array(FileManager.default.contents(atPath: manifests + "/" + path) ?? Data())
            _ = YAMLLoader.forEachDocument(bytes, file: path) { nodes.append($0.root) }
        }
        return (stored, objects, nodes)
    }

    /// FNV-1a over `bytes`, in hex: equal for equal output, to compare runs before and after a change.
    static func checksum(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
