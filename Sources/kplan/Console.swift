import ArgumentParser
import Foundation
import KPlan
import KPlanDiff
import KPlanOutput

/// Writing to the terminal, and the exit statuses every command shares.
enum Console {
    /// `diff`/`plan`: the plan has changes.
    static let changesPresent = ExitCode(2)

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints `message` as kplan's error line and gives the exit status for it.
    static func fail(_ message: String) -> ExitCode {
        err("kplan: error: \(message)\n")
        return ExitCode(1)
    }

    /// Prints the findings of reading the manifests (errors and warnings) to standard error.
    static func report(_ desired: DesiredState, color: Bool) {
        guard !desired.lint.diagnostics.isEmpty else { return }
        let report = desired.lint.report(toolVersion: KPlanInfo.version, rules: [])
        err(OutputFormat.text.render(report, options: RenderOptions(color: color)))
    }

    /// Prints the problems and notes of a plan to standard error.
    static func report(_ result: PlanResult) {
        for note in result.notes { err("note: \(note)\n") }
        for problem in result.problems {
            let place = problem.location.map { "\($0.file):\($0.range.start.line):\($0.range.start.column): " } ?? ""
            let subject = problem.key.map { "\($0): " } ?? ""
            err("\(place)error: \(subject)\(problem.message)\n")
        }
        if !result.problems.isEmpty {
            let objects = result.problems.filter { $0.key != nil }.count
            let reason = objects == 0 ? "the plan was refused" : "\(objects) object\(objects == 1 ? "" : "s") could not be planned"
            err("Planning failed: \(reason).\n")
        }
    }

    /// Runs `body`, turning the library's errors into kplan's error line and exit status 1.
    static func guarded<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as CleanExit {
            throw error
        } catch {
            throw fail(String(describing: error))
        }
    }
}

/// `path` made absolute against the working directory.
func absolutePath(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
}
