/// Value syntaxes Kubernetes checks that JSON Schema types do not express.
public enum SchemaSpecial: Sendable, Hashable {
    /// No special syntax.
    case none
    /// `resource.Quantity`: a number, or a string in Kubernetes' quantity grammar (`500Mi`, `100m`).
    case quantity
    /// `intstr.IntOrString` or `x-kubernetes-int-or-string`: an integer or a string.
    case intOrString
}
