import KPlanCore
import KPlanOutput
import KPlanValidation
import KPlanYAML

/// What reading and checking one input file produced. Resource trees are dropped as soon as each is
/// checked; only custom resources whose CRD may still come later in the input are kept.
struct FileOutcome: Sendable {
    var path: String
    var diagnostics: [Diagnostic] = []
    /// The set-level facts and identities of the checked resources.
    var facts: [LintObjectFacts] = []
    var identities: [ObjectIdentity] = []
    /// Custom resources of kinds no known CRD defines yet, checked once every file has been read.
    var deferred: [Resource] = []
    var crds: [CompiledCRD] = []
    var objects: [ReportObject] = []
    var manifestObjects: [ManifestObject] = []
    var documentCount = 0
    var resourceCount = 0
    /// The bytes, kept only for standard input, which cannot be read again to show source lines.
    var standardInput: [UInt8]?
}

extension FileOutcome {
    /// Records what checking one resource produced.
    mutating func add(_ checked: CheckedObject) {
        diagnostics += checked.diagnostics
        if let facts = checked.facts { self.facts.append(facts) }
        if let identity = checked.identity { identities.append(identity) }
    }
}

/// Reads one file: YAML documents to resources, each checked as soon as it is read.
struct FileStage: Sendable {
    var reader: FileReader
    var extractor: ResourceExtractor
    var checker: ObjectChecker
    /// Keep a `ReportObject` per resource (for formats that list objects).
    var collectObjects: Bool
    /// Keep every resource whole, as a JSON object.
    var keepObjects = false
    /// Threads that check a large file's resources while it is parsed (0: the parsing thread checks).
    var pipelineWorkers = 0

    /// Files at least this large are checked on `pipelineWorkers` threads as they are parsed.
    static let pipelineThreshold = 256 * 1024
    /// Resources handed to a pipeline worker at once.
    static let pipelineBatch = 128

    /// Parses and checks `path`, streaming its documents.
    func check(_ path: String) -> FileOutcome {
        var outcome = FileOutcome(path: path)
        guard let bytes = reader.read(path) else {
            outcome.diagnostics = [reader.unreadable(path)]
            return outcome
        }
        if path == "-" { outcome.standardInput = bytes }
        let pipeline = pipelineWorkers > 0 && bytes.count >= Self.pipelineThreshold
            ? CheckPipeline(checker: checker, workers: pipelineWorkers) : nil
        var batch: [CheckPipeline.Item] = []
        let yamlDiagnostics = YAMLLoader.forEachDocument(bytes, file: path) { document in
            guard !document.isEmpty else { return }
            outcome.documentCount += 1
            let (resources, diagnostics) = extractor.resources(in: document, file: path)
            outcome.diagnostics += diagnostics
            for resource in resources {
                outcome.resourceCount += 1
                if collectObjects { outcome.objects.append(ReportObject(resource)) }
                if keepObjects, let object = KubeObject(JSONValue(resource.node)) {
                    outcome.manifestObjects.append(ManifestObject(object: object, location: resource.location))
                }
                if CRDCompiler.isCRD(resource.gvk) {
                    let (crd, crdDiagnostics) = CRDCompiler.compile(resource)
                    outcome.diagnostics += crdDiagnostics
                    if let crd { outcome.crds.append(crd) }
                }
                if let lookup = checker.lookupIfKnown(resource) {
                    if let pipeline {
                        batch.append((resource, lookup))
                        if batch.count == Self.pipelineBatch {
                            pipeline.submit(batch)
                            batch = []
                        }
                    } else {
                        outcome.add(checker.check(resource, lookup))
                    }
                } else {
                    outcome.deferred.append(resource)
                }
            }
        }
        if let pipeline {
            if !batch.isEmpty { pipeline.submit(batch) }
            for checked in pipeline.finish() { outcome.add(checked) }
        }
        outcome.diagnostics += yamlDiagnostics
        return outcome
    }

    /// The CRDs in a reference file given with `--crd`, and the errors that kept any from compiling.
    func crds(in path: String) -> (crds: [CompiledCRD], diagnostics: [Diagnostic]) {
        guard let bytes = reader.read(path) else { return ([], [reader.unreadable(path)]) }
        var crds: [CompiledCRD] = []
        var compileDiagnostics: [Diagnostic] = []
        let yamlDiagnostics = YAMLLoader.forEachDocument(bytes, file: path) { document in
            for resource in extractor.resources(in: document, file: path).resources
            where CRDCompiler.isCRD(resource.gvk) {
                let (crd, crdDiagnostics) = CRDCompiler.compile(resource)
                crds += crd.map { [$0] } ?? []
                compileDiagnostics += crdDiagnostics
            }
        }
        return (crds, (yamlDiagnostics + compileDiagnostics).filter { $0.severity == .error })
    }
}
