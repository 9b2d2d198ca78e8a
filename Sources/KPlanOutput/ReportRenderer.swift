/// Turns a whole report into the bytes of one output format.
///
/// Renderers are pure: the same report gives the same string, byte for byte, so goldens can compare it.
public protocol ReportRenderer: Sendable {
    /// The complete output for `report`, ending with a newline.
    func render(_ report: LintReport) -> String
}
