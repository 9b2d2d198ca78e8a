import KPlanValidation

/// A schema as a comparison or a merge sees it: its own keywords together with those of the schema it
/// annotates (`base`) and of its `allOf` parts, which is how Kubernetes' OpenAPI wraps a `$ref` that
/// carries a default. An empty view (no schema) knows nothing and says nothing is atomic.
struct SchemaView {
    /// How the items of a list are matched between two versions.
    enum ListStrategy: Equatable {
        /// The list is one value.
        case atomic
        /// Items are distinct scalars, matched by value.
        case set
        /// Items are objects matched by these key fields.
        case map([String])
        /// Nothing is known: items are matched by position.
        case index
    }

    /// The schemas consulted, most specific first.
    private let layers: [Schema]

    /// A view of `schema` (and what it builds on).
    init(_ schema: Schema?) {
        guard let schema else {
            layers = []
            return
        }
        if schema.base == nil, schema.allOf.isEmpty {
            // Most schemas stand alone; skip the walk.
            layers = [schema]
            return
        }
        var layers: [Schema] = []
        var pending = [schema]
        var seen = Set<ObjectIdentifier>()
        while !pending.isEmpty {
            let next = pending.removeFirst()
            guard seen.insert(ObjectIdentifier(next)).inserted else { continue }
            layers.append(next)
            if let base = next.base { pending.append(base) }
            pending.append(contentsOf: next.allOf)
        }
        self.layers = layers
    }

    /// The view of a member: a declared property, else the `additionalProperties` schema.
    func property(_ name: String) -> SchemaView {
        for layer in layers {
            if let property = layer.property(name) { return SchemaView(property) }
        }
        for layer in layers {
            if case .schema(let values) = layer.additionalProperties { return SchemaView(values) }
        }
        return SchemaView(nil)
    }

    /// The view of a list's items.
    var items: SchemaView {
        SchemaView(layers.lazy.compactMap(\.items).first)
    }

    /// Whether a map is one value (`x-kubernetes-map-type: atomic`).
    var isAtomicMap: Bool {
        layers.lazy.compactMap(\.mapType).first == "atomic"
    }

    /// How list items are matched: the list type and its keys; else a `merge` patch strategy, by its
    /// key (or by value, for scalars without one); else atomic, as structured-merge-diff treats an
    /// untyped list; by position only when there is no schema at all.
    var listStrategy: ListStrategy {
        if let listType = layers.lazy.compactMap(\.listType).first {
            switch listType {
            case .atomic: return .atomic
            case .set: return .set
            case .map:
                let keys = layers.lazy.map(\.listMapKeys).first { !$0.isEmpty }
                if let keys { return .map(keys) }
            }
        }
        for layer in layers where layer.patchStrategy?.split(separator: ",").contains("merge") == true {
            return layer.patchMergeKey.map { .map([$0]) } ?? .set
        }
        return layers.isEmpty ? .index : .atomic
    }
}
