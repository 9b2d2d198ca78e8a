import KPlanCore

extension CRDCompiler {
    /// Compiles a CRD held as an object (stored in a cluster, or read from the manifests); nil when it is
    /// not a CRD or not a usable one. Positions mean nothing here, so diagnostics are dropped.
    public static func compile(_ object: KubeObject) -> CompiledCRD? {
        guard isCRD(object.gvk) else { return nil }
        let node = object.value.node(at: SourceRange(at: SourcePosition(line: 1, column: 1)))
        return compile(Resource(file: "", documentIndex: 0, node: node, gvk: object.gvk, name: object.name, namespace: nil)).0
    }
}
