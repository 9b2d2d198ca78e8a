import KPlanCore
import KPlanValidation
import KPlanYAML

/// What reading one input file produced.
struct ParsedFile: Sendable {
    var path: String
    var bytes: [UInt8]
    var resources: [Resource] = []
    var crds: [CompiledCRD] = []
    var diagnostics: [Diagnostic] = []
    var documentCount = 0
}

/// Reads one file: YAML documents to resources, compiling the CRDs among them.
struct FileStage: Sendable {
    var reader: FileReader
    var extractor: ResourceExtractor

    /// Parses `path` into resources, streaming its documents.
    func parse(_ path: String) -> ParsedFile {
        guard let bytes = reader.read(path) else {
            return ParsedFile(path: path, bytes: [], diagnostics: [reader.unreadable(path)])
        }
        var file = ParsedFile(path: path, bytes: bytes)
        let yamlDiagnostics = YAMLLoader.forEachDocument(bytes, file: path) { document in
            guard !document.isEmpty else { return }
            file.documentCount += 1
            let (resources, diagnostics) = extractor.resources(in: document, file: path)
            file.diagnostics += diagnostics
            for resource in resources {
                if resource.gvk.group == CRDCompiler.group, resource.gvk.kind == "CustomResourceDefinition" {
                    let (crd, crdDiagnostics) = CRDCompiler.compile(resource)
                    file.diagnostics += crdDiagnostics
                    if let crd { file.crds.append(crd) }
                }
                file.resources.append(resource)
            }
        }
        file.diagnostics += yamlDiagnostics
        return file
    }

    /// The CRDs in a reference file given with `--crd`, and the problems that kept any from compiling.
    func crds(in path: String) -> ParsedFile {
        var file = parse(path)
        file.diagnostics = file.diagnostics.filter { $0.severity == .error && !$0.code.hasPrefix("input.") }
        file.resources = []
        file.bytes = []
        return file
    }
}
