import Foundation

/// When to colour text output: the `--color auto|always|never` flag.
public enum ColorPolicy: String, CaseIterable, Sendable {
    /// Colour when writing to a terminal, unless the environment says not to.
    case auto
    /// Always colour, whatever the environment says (a command-line flag overrides `NO_COLOR`).
    case always
    /// Never colour.
    case never

    /// Whether to colour, given the policy, the environment and whether the output is a terminal.
    ///
    /// Under `auto`, a non-empty `NO_COLOR` (https://no-color.org) or `TERM=dumb` turns colour off.
    public static func resolve(_ policy: ColorPolicy, environment: [String: String], isTerminal: Bool) -> Bool {
        switch policy {
        case .always:
            return true
        case .never:
            return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }

    /// Resolves the policy for this process's standard output and environment.
    public func resolvedForStandardOutput() -> Bool {
        Self.resolve(self, environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) == 1)
    }
}

extension ColorPolicy {
    /// Resolves the policy for this process's standard error and environment.
    public func resolvedForStandardError() -> Bool {
        Self.resolve(self, environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDERR_FILENO) == 1)
    }
}
