import KPlanCore
import KPlanOutput
import KPlanValidation

/// The desired state: the manifests parsed and validated as the API server would validate them
/// (schemas, CRDs, semantic checks; lint rules are `kplan lint`'s business), each namespaced object
/// in its namespace, duplicates refused.
public struct DesiredState: Sendable {
    /// The objects, in input order.
    public var objects: [ManifestObject]
    /// What reading and validating found; any error means nothing may be planned or applied.
    public var lint: LintResult

    /// Whether the manifests can be planned.
    public var isValid: Bool { !lint.hasErrors }

    /// Reads and validates the manifests. `resources` (the cluster's discovery) tell namespaced from
    /// cluster-scoped kinds the manifests' own CRDs do not define.
    public static func load(
        _ options: ManifestOptions, kubernetesVersion: String, resources: [APIResource]
    ) throws(LintError) -> DesiredState {
        let servedScopes = Dictionary(resources.map { ($0.group + "/" + $0.kind, $0.scope) }, uniquingKeysWith: { first, _ in first })
        let lintOptions = LintOptions(
            paths: options.paths, kubernetesVersion: kubernetesVersion, crdPaths: options.crdPaths,
            defaultNamespace: options.namespace ?? "default", noConfig: true, disableRules: ["all"], keepObjects: true,
            workingDirectory: options.workingDirectory)
        var lint = try Linter(options: lintOptions).run()
        let definedScopes = Dictionary(
            lint.manifestObjects.compactMap { manifest -> (String, ResourceScope)? in
                let object = manifest.object
                guard object.kind == "CustomResourceDefinition", let group = object[path: "spec", "group"]?.string,
                    let kind = object[path: "spec", "names", "kind"]?.string,
                    let scope = object[path: "spec", "scope"]?.string.flatMap(ResourceScope.init(rawValue:))
                else { return nil }
                return (group + "/" + kind, scope)
            }, uniquingKeysWith: { _, last in last })
        var objects: [ManifestObject] = []
        var extra: [Diagnostic] = []
        for var manifest in lint.manifestObjects {
            let gvk = manifest.object.gvk
            switch definedScopes[gvk.group + "/" + gvk.kind] ?? servedScopes[gvk.group + "/" + gvk.kind] {
            case .namespaced?:
                let written = manifest.object.namespace
                if let wanted = options.namespace, !written.isEmpty, written != wanted {
                    extra.append(Diagnostic(
                        .error, code: "plan.namespace-mismatch",
                        message: "\(gvk.kind) \(manifest.object.name) names namespace \"\(written)\", not \"\(wanted)\" given with --namespace; "
                            + "pass --namespace=\(written) or remove one of them",
                        at: manifest.location ?? SourceLocation(file: "", range: SourceRange(at: SourcePosition(line: 1, column: 1)))))
                }
                if written.isEmpty { manifest.object.namespace = options.namespace ?? "default" }
            case .cluster?, nil:
                break
            }
            objects.append(manifest)
        }
        lint.diagnostics = (lint.diagnostics + extra).sorted()
        return DesiredState(objects: objects, lint: lint)
    }
}
