/// `x-kubernetes-list-type`.
public enum ListType: String, Sendable, Hashable {
    /// The list is replaced as a whole.
    case atomic
    /// Items are scalars and distinct.
    case set
    /// Items are objects identified by `x-kubernetes-list-map-keys`.
    case map
}
