import Foundation
import KPlan
import KPlanYAML

/// `kplan-bench`: measures `kplan lint` against the bare libyaml event loop over the same bytes.
///
/// Usage: `swift run -c release kplan-bench [--corpus DIR] [--resources N] [--per-file K]`
/// It lints the real-world corpus and a generated set of N resources (K per file), each on one core
/// and on all cores, and in the same run times libyaml's event loop alone over the same bytes, then
/// prints MB/s, documents/s and the ratios. Peak memory is measured by re-running this executable
/// in a child process (`--peak-memory PATH…`) so each measurement starts from a fresh process.
/// `--write-generated DIR` only writes the generated set under DIR/generated, for profiling the CLI;
/// `--profile-parse FILE…` only runs the YAML front end over the files ten times, and
/// `--profile-lint FILE…` the whole lint on one core, for a profiler.
/// `--plan [N…]` runs the plan benchmark instead (see `PlanBenchmark`; default sizes 1,000 and 10,000);
/// `--write-plan DIR N` only writes its manifests for N objects, as DIR/v1 and the changed DIR/v2, for
/// profiling `kplan apply -f DIR/v1` and then `kplan plan -f DIR/v2`.
/// `--json-bench [N]` times parsing and writing the JSON of N stored objects (see `JSONBenchmark`;
/// default 10,000).
/// `--plan-phases [N]` times the embedded cluster's parts of a plan of N objects one by one, in wall
/// and CPU time (see `PlanPhasesBenchmark`; default 10,000).

struct Arguments {
    var corpus = "../shared/corpus"
    var resources = 50_000
    var perFile = 100
    var repetitions = 3
    var peakMemoryPaths: [String]?
    var writeDirectory: String?
    var profileParsePaths: [String]?
    var profileLint = false
    var planSizes: [Int]?
    var planManifests: (directory: String, size: Int)?
    var jsonSize: Int?
    var phasesSize: Int?

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        parsing: while let argument = iterator.next() {
            switch argument {
            case "--corpus": corpus = iterator.next() ?? corpus
            case "--resources": resources = Int(iterator.next() ?? "") ?? resources
            case "--per-file": perFile = Int(iterator.next() ?? "") ?? perFile
            case "--repetitions": repetitions = Int(iterator.next() ?? "") ?? repetitions
            case "--write-generated": writeDirectory = iterator.next()
            case "--profile-parse", "--profile-lint":
                profileLint = argument == "--profile-lint"
                profileParsePaths = Array(IteratorSequence(iterator))
                break parsing
            case "--plan":
                planSizes = IteratorSequence(iterator).compactMap { Int($0) }
                if planSizes?.isEmpty ?? true { planSizes = [1_000, 10_000] }
                break parsing
            case "--json-bench":
                jsonSize = IteratorSequence(iterator).compactMap { Int($0) }.first ?? 10_000
                break parsing
            case "--plan-phases":
                phasesSize = IteratorSequence(iterator).compactMap { Int($0) }.first ?? 10_000
                break parsing
            case "--write-plan":
                planManifests = (iterator.next() ?? ".", Int(iterator.next() ?? "") ?? 10_000)
            case "--peak-memory":
                peakMemoryPaths = Array(IteratorSequence(iterator))
                break parsing
            default:
                FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
                exit(64)
            }
        }
    }
}

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Peak resident set size of this process, in MiB (VmHWM).
func peakResidentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    else { return -1 }
    return kib / 1024
}

/// The best of `repetitions` timings of `body`.
func best(_ repetitions: Int, _ body: () -> Void) -> Double {
    var fastest = Double.infinity
    for _ in 0..<repetitions {
        let start = now()
        body()
        fastest = min(fastest, now() - start)
    }
    return fastest
}

struct InputSet {
    var name: String
    var paths: [String]
    var files: [[UInt8]]
    var bytes: Int { files.reduce(0) { $0 + $1.count } }
    var largestFile: Int { files.map(\.count).max() ?? 0 }
}

func manifestFiles(under directory: String) -> [String] {
    let (files, _) = InputCollector().collect([directory])
    return files
}

func load(_ name: String, _ paths: [String]) -> InputSet {
    InputSet(name: name, paths: paths, files: paths.map { Array(FileManager.default.contents(atPath: $0) ?? Data()) })
}

/// Writes `count` generated resources (a mix of common kinds, valid) into files of `perFile` each.
func generate(_ name: String, count: Int, perFile: Int, into base: String? = nil) -> [String] {
    let directory = (base ?? NSTemporaryDirectory() + "kplan-bench-\(getpid())") + "/\(name)"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var paths: [String] = []
    var index = 0
    while index < count {
        var text = ""
        for _ in 0..<min(perFile, count - index) {
            text += GeneratedManifests.resource(index)
            index += 1
        }
        let path = "\(directory)/set-\(paths.count).yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        paths.append(path)
    }
    return paths
}

func measure(_ set: InputSet, repetitions: Int) {
    var events = 0
    let bare = best(repetitions) {
        events = 0
        for file in set.files { events += YAMLLoader.countEvents(file) }
    }
    let parse = best(repetitions) {
        for (path, file) in zip(set.paths, set.files) {
            _ = YAMLLoader.forEachDocument(file, file: path) { _ in }
        }
    }
    var documents = 0
    var errors = 0
    let lintOne = best(repetitions) {
        let result = try! Linter(options: LintOptions(paths: set.paths, skipNonKubernetes: true, jobs: 1)).run()
        documents = result.documentCount
        errors = result.count(.error)
    }
    let lintAll = best(repetitions) {
        _ = try! Linter(options: LintOptions(paths: set.paths, skipNonKubernetes: true)).run()
    }
    let megabytes = Double(set.bytes) / 1_000_000
    func row(_ label: String, _ seconds: Double) -> String {
        let mbs = String(format: "%8.1f MB/s", megabytes / seconds)
        let dps = String(format: "%10.0f docs/s", Double(documents) / seconds)
        return "  \(label.padding(toLength: 22, withPad: " ", startingAt: 0)) \(String(format: "%8.1f ms", seconds * 1000)) \(mbs) \(dps)"
    }
    print("\(set.name): \(set.paths.count) files, \(String(format: "%.2f", megabytes)) MB, \(documents) documents, \(events) libyaml events, \(errors) errors")
    print(row("libyaml event loop", bare))
    print(row("YAML front end (trees)", parse))
    print(row("kplan lint, 1 core", lintOne))
    print(row("kplan lint, all cores", lintAll))
    print(String(format: "  ratio lint(1 core)/libyaml throughput: %.2f  (target >= 0.33)", bare / lintOne))
    print(String(format: "  ratio lint(all cores)/libyaml throughput: %.2f", bare / lintAll))
    print(String(format: "  parallel speed-up: %.2fx", lintOne / lintAll))
}

func measurePeakMemory(_ set: InputSet) {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = ["--peak-memory"] + set.paths
    let pipe = Pipe()
    child.standardOutput = pipe
    do { try child.run() } catch {
        print("  peak memory: could not start child: \(error)")
        return
    }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    let peak = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    let largest = Double(set.largestFile) / 1_048_576
    let budget = 64 + 3 * largest
    let verdict = peak < 0 ? "NOT MEASURED" : peak <= budget ? "within" : "OVER"
    print(String(format: "  peak memory: %.1f MiB; budget 64 MiB + 3 x %.2f MiB (largest file) = %.1f MiB: ",
                 peak, largest, budget) + verdict)
}

let arguments = Arguments(CommandLine.arguments)
if let (directory, size) = arguments.planManifests {
    _ = try! PlanBenchmark.write(size: size, perFile: arguments.perFile, changed: false, into: directory + "/v1")
    _ = try! PlanBenchmark.write(size: size, perFile: arguments.perFile, changed: true, into: directory + "/v2")
    exit(0)
}
if let sizes = arguments.planSizes {
    PlanBenchmark.run(sizes: sizes, perFile: arguments.perFile, repetitions: arguments.repetitions)
    exit(0)
}
if let size = arguments.phasesSize {
    PlanPhasesBenchmark.run(size: size, perFile: arguments.perFile, repetitions: arguments.repetitions)
    exit(0)
}
if let size = arguments.jsonSize {
    JSONBenchmark.run(size: size, perFile: arguments.perFile, repetitions: arguments.repetitions)
    exit(0)
}
if let paths = arguments.peakMemoryPaths {
    _ = try! Linter(options: LintOptions(paths: paths, skipNonKubernetes: true)).run()
    print(peakResidentMiB())
    exit(0)
}

if let paths = arguments.profileParsePaths {
    let files = load("profile", paths).files
    for _ in 0..<10 {
        if arguments.profileLint {
            _ = try! Linter(options: LintOptions(paths: paths, skipNonKubernetes: true, jobs: 1)).run()
        } else {
            for file in files { _ = YAMLLoader.forEachDocument(file, file: "") { _ in } }
        }
    }
    exit(0)
}

if let directory = arguments.writeDirectory {
    let paths = generate("generated", count: arguments.resources, perFile: arguments.perFile, into: directory)
    print("wrote \(arguments.resources) resources in \(paths.count) files under \(directory)/generated")
    exit(0)
}

let corpus = load("corpus", manifestFiles(under: arguments.corpus))
let generated = load("generated", generate("many", count: arguments.resources, perFile: arguments.perFile))
let single = load("generated, one file", generate("one", count: arguments.resources / 5, perFile: arguments.resources))
for set in [corpus, generated, single] {
    measure(set, repetitions: arguments.repetitions)
    measurePeakMemory(set)
}
try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "kplan-bench-\(getpid())")
