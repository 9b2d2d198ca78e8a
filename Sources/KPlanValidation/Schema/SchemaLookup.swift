/// The result of looking up a kind's schema.
public enum SchemaLookup: Sendable {
    /// The schema of the kind's root object.
    case found(Schema)
    /// The group and kind are known, but not at this version; `servedVersions` are the apiVersions
    /// that are served (`apps/v1`), preferred first.
    case unknownVersion(servedVersions: [String])
    /// Neither a built-in kind nor one defined by a known CRD.
    case unknownKind
}
