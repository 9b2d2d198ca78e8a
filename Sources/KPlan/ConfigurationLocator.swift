import Foundation
import KPlanCore
import KPlanValidation

/// The configuration a run uses, the diagnostics about it, and the file it came from (if any).
struct LoadedConfiguration {
    var configuration = LintConfiguration()
    var diagnostics: [Diagnostic] = []
    var source: SourceFile?
}

/// Finds and reads the lint configuration file.
struct ConfigurationLocator: Sendable {
    var reader: FileReader

    /// The named file, else the first `.kplan.yaml` found from the working directory upwards, else the
    /// defaults.
    func load(explicitPath: String?, disabled: Bool) -> LoadedConfiguration {
        guard !disabled, let path = explicitPath ?? search() else { return LoadedConfiguration() }
        guard let bytes = reader.read(path) else {
            return LoadedConfiguration(diagnostics: [reader.unreadable(path)])
        }
        var (configuration, diagnostics) = LintConfiguration.load(bytes, file: path)
        configuration.baseDirectory = URL(fileURLWithPath: reader.resolved(path))
            .standardizedFileURL.deletingLastPathComponent().path
        return LoadedConfiguration(configuration: configuration, diagnostics: diagnostics,
                                   source: SourceFile(path: path, bytes: bytes))
    }

    /// The nearest `.kplan.yaml` in the working directory or one of its parents.
    private func search() -> String? {
        var directory = URL(fileURLWithPath: reader.workingDirectory ?? FileManager.default.currentDirectoryPath)
            .standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent(LintConfiguration.fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }
}
