import KPlanCore

/// Compiles CustomResourceDefinitions (`apiextensions.k8s.io/v1`, and `v1beta1` with its top-level
/// `validation`) into schemas for their custom resources.
///
/// Custom resources are validated as strictly as built-ins: the API server would prune fields a CRD
/// does not declare, so kplan reports them. A custom resource's `metadata` is checked against the
/// built-in `ObjectMeta`, plus whatever the CRD itself says about it.
public enum CRDCompiler {
    /// The API group CRDs belong to.
    public static let group = "apiextensions.k8s.io"

    /// Whether `gvk` is a CustomResourceDefinition (any apiextensions version).
    public static func isCRD(_ gvk: GroupVersionKind) -> Bool {
        gvk.group == group && gvk.kind == "CustomResourceDefinition"
    }

    /// Compiles `resource`; returns nil with diagnostics when it is not a usable CRD. Schema parts that
    /// cannot be compiled (a bad `pattern`) are reported and left unchecked.
    public static func compile(_ resource: Resource) -> (CompiledCRD?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func report(_ code: String, _ message: String, at node: Node) {
            diagnostics.append(Diagnostic(.error, code: code, message: message, at: resource.location(of: node),
                                          object: resource.displayName))
        }
        let root = resource.node
        guard isCRD(resource.gvk),
              resource.gvk.version == "v1" || resource.gvk.version == "v1beta1"
        else {
            report("crd.invalid", "not an \(group)/v1 or v1beta1 CustomResourceDefinition", at: root)
            return (nil, diagnostics)
        }
        guard let spec = root["spec"], spec.entries != nil else {
            report("crd.invalid", "a CustomResourceDefinition needs a spec", at: root)
            return (nil, diagnostics)
        }
        guard let crdGroup = spec["group"]?.string, !crdGroup.isEmpty else {
            report("crd.invalid", "spec.group is required", at: spec)
            return (nil, diagnostics)
        }
        guard let names = spec["names"], let kind = names["kind"]?.string, !kind.isEmpty else {
            report("crd.invalid", "spec.names.kind is required", at: spec)
            return (nil, diagnostics)
        }
        let scope: ResourceScope
        switch spec["scope"]?.string {
        case "Namespaced"?, nil: scope = .namespaced
        case "Cluster"?: scope = .cluster
        case let other?:
            report("crd.invalid", "spec.scope must be Namespaced or Cluster, not \"\(other)\"", at: spec["scope"] ?? spec)
            scope = .namespaced
        }
        let sharedSchema = spec[path: "validation", "openAPIV3Schema"]
        var declared: [(name: String, served: Bool, storage: Bool, schema: Node?, at: Node)] = []
        if let versions = spec["versions"]?.items, !versions.isEmpty {
            for version in versions {
                guard let name = version["name"]?.string else {
                    report("crd.invalid", "a version needs a name", at: version)
                    continue
                }
                declared.append((name, version["served"]?.bool ?? true, version["storage"]?.bool ?? false,
                                 version[path: "schema", "openAPIV3Schema"] ?? sharedSchema, version))
            }
        } else if let name = spec["version"]?.string {
            declared.append((name, true, true, sharedSchema, spec))
        }
        guard !declared.isEmpty else {
            report("crd.invalid", "spec.versions must list at least one version", at: spec)
            return (nil, diagnostics)
        }
        var compiled: [CompiledCRD.Version] = []
        let nodeTrimmer = SchemaNodeTrimmer()
        let interner = SchemaInterner()
        for version in declared {
            let schema = Schema()
            if let node = version.schema {
                var compiler = SchemaCompiler()
                compiler.nodeTrimmer = nodeTrimmer
                compiler.interner = interner
                // The root is not interned: it is prepared below, which changes it.
                compiler.fill(schema, from: node)
                for problem in compiler.problems {
                    report("crd.schema", "version \(version.name): \(problem.message)", at: problem.node)
                }
            } else {
                if resource.gvk.version == "v1" {
                    report("crd.invalid", "version \(version.name) has no schema.openAPIV3Schema", at: version.at)
                }
                schema.preservesUnknownFields = true
            }
            prepareEmbeddedResources(in: schema)
            prepareRoot(schema)
            if let node = version.schema, containsValidations(node) {
                schema.defaultingSchemaNode = nodeTrimmer.defaultingSchema(node)
            }
            compiled.append(CompiledCRD.Version(name: version.name, served: version.served, storage: version.storage,
                                                schema: schema))
        }
        let plural = names["plural"]?.string ?? kind.lowercased()
        let crd = CompiledCRD(
            name: root[path: "metadata", "name"]?.string ?? "\(plural).\(crdGroup)",
            group: crdGroup, kind: kind, listKind: names["listKind"]?.string ?? "\(kind)List", plural: plural,
            singular: names["singular"]?.string ?? kind.lowercased(),
            shortNames: names["shortNames"]?.items?.compactMap(\.string) ?? [],
            categories: names["categories"]?.items?.compactMap(\.string) ?? [],
            scope: scope, versions: compiled)
        return (crd, diagnostics)
    }

    /// Whether a schema node has `x-kubernetes-validations` anywhere below it.
    private static func containsValidations(_ node: Node) -> Bool {
        guard let entries = node.entries else { return node.items?.contains(where: containsValidations) ?? false }
        return entries.contains { $0.name == "x-kubernetes-validations" || containsValidations($0.value) }
    }

    /// Prepares every `x-kubernetes-embedded-resource` object below `schema` like a root: the API server
    /// validates an embedded object's apiVersion, kind and metadata as it does a top-level one's.
    private static func prepareEmbeddedResources(in schema: Schema) {
        var visited: Set<ObjectIdentifier> = []
        prepareEmbeddedResources(in: schema, visited: &visited)
    }

    /// Prepares the embedded resources below `schema`, each shared sub-schema once (interned schemas
    /// are reached along many paths).
    private static func prepareEmbeddedResources(in schema: Schema, visited: inout Set<ObjectIdentifier>) {
        guard visited.insert(ObjectIdentifier(schema)).inserted else { return }
        for child in schema.propertySchemas { prepareEmbeddedResources(in: child, visited: &visited) }
        if schema.hasDetails {
            for child in schema.allOf + schema.anyOf + schema.oneOf { prepareEmbeddedResources(in: child, visited: &visited) }
            if let not = schema.not { prepareEmbeddedResources(in: not, visited: &visited) }
        }
        if let items = schema.items { prepareEmbeddedResources(in: items, visited: &visited) }
        if case .schema(let additional) = schema.additionalProperties {
            prepareEmbeddedResources(in: additional, visited: &visited)
        }
        if schema.isEmbeddedResource { prepareRoot(schema) }
    }

    /// Declares `apiVersion`, `kind` and `metadata` at a custom resource's root, `metadata` as ObjectMeta.
    private static func prepareRoot(_ schema: Schema) {
        if !schema.declaresProperties, case .unspecified = schema.additionalProperties {
            schema.additionalProperties = .allowed
        }
        schema.declaresProperties = true
        let string = Schema()
        string.types = [.string]
        for name in ["apiVersion", "kind"] where schema.propertyPosition(name) == nil {
            schema.appendProperty(name, string)
        }
        guard let objectMeta = builtinObjectMeta else { return }
        let metadata: Schema
        if let declared = schema.property("metadata") {
            metadata = Schema()
            metadata.base = objectMeta
            metadata.allOf = [declared]
        } else {
            metadata = objectMeta
        }
        if let position = schema.propertyPosition("metadata") {
            schema.replaceProperty(at: position, with: metadata)
        } else {
            schema.appendProperty("metadata", metadata)
        }
    }

    private static let builtinObjectMeta: Schema? =
        (try? SchemaRegistry.builtin())?.definition("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")
}
