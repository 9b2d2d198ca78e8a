import Foundation
import KPlanCore
import KPlanValidation

/// Finds and reads the lint configuration file.
struct ConfigurationLocator: Sendable {
    var reader: FileReader

    /// The configuration to use and the diagnostics about it: the named file, else the first
    /// `.kplan.yaml` found from the working directory upwards, else the defaults.
    func load(explicitPath: String?, disabled: Bool) -> (LintConfiguration, [Diagnostic]) {
        guard !disabled else { return (LintConfiguration(), []) }
        if let explicitPath {
            guard let bytes = reader.read(explicitPath) else {
                return (LintConfiguration(), [FileReader.unreadable(explicitPath)])
            }
            var (configuration, diagnostics) = LintConfiguration.load(bytes, file: explicitPath)
            configuration.baseDirectory = URL(fileURLWithPath: reader.resolved(explicitPath))
                .standardizedFileURL.deletingLastPathComponent().path
            return (configuration, diagnostics)
        }
        guard let found = search() else { return (LintConfiguration(), []) }
        guard let bytes = reader.read(found) else { return (LintConfiguration(), [FileReader.unreadable(found)]) }
        return LintConfiguration.load(bytes, file: found)
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
