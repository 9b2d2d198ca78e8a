/// What a schema allows beyond its declared properties.
public enum AdditionalProperties: Sendable {
    /// Nothing said: strict mode rejects undeclared fields when properties are declared.
    case unspecified
    /// `additionalProperties: true`.
    case allowed
    /// `additionalProperties: false`.
    case forbidden
    /// `additionalProperties: {schema}`: every undeclared field's value matches the schema.
    case schema(Schema)
}
