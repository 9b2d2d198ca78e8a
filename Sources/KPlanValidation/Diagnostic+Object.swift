import KPlanCore

extension [Diagnostic] {
    /// These diagnostics, each naming `resource` as the object it is about.
    ///
    /// A check's report keeps only the resource's file while it walks, and its findings are named after
    /// the walk: the display name is built once per resource with findings, and the report does not copy
    /// the whole resource (a retain and a release of each of its seven references).
    func naming(_ resource: Resource) -> [Diagnostic] {
        guard !isEmpty else { return self }
        let object = resource.displayName
        var named = self
        for index in named.indices { named[index].object = object }
        return named
    }
}
