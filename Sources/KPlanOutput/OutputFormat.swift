/// The output formats of `kplan lint`, by the name given to `--output`.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Compiler-style lines with the source line and a caret, then a summary.
    case text
    /// A versioned JSON document (see `JSONRenderer`).
    case json
    /// SARIF 2.1.0, for code-scanning services.
    case sarif
    /// JUnit XML: a test suite per file, a test case per object.
    case junit
    /// GitHub Actions workflow commands that annotate the files of a pull request.
    case github

    /// The renderer for this format.
    public func renderer(options: RenderOptions = RenderOptions()) -> any ReportRenderer {
        switch self {
        case .text: TextRenderer(color: options.color)
        case .json: JSONRenderer()
        case .sarif: SARIFRenderer()
        case .junit: JUnitRenderer()
        case .github: GitHubRenderer()
        }
    }

    /// Renders `report` in this format.
    public func render(_ report: LintReport, options: RenderOptions = RenderOptions()) -> String {
        renderer(options: options).render(report)
    }
}
