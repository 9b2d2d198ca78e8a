/// An object read from a manifest file: its value, as Kubernetes' decoder reads it, and where it is.
public struct ManifestObject: Sendable, Hashable {
    /// The object.
    public var object: KubeObject
    /// Its whole document (or List item) in the source; nil for objects kplan makes itself (an
    /// ApplySet parent).
    public var location: SourceLocation?

    /// Creates a manifest object.
    public init(object: KubeObject, location: SourceLocation?) {
        self.object = object
        self.location = location
    }
}
