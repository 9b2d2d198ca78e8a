import KPlanCore

extension [Diagnostic] {
    /// The diagnostics in output order (`Diagnostic.<`, equal ones as they were).
    ///
    /// Files are ranked once, looked up once per run of diagnostics in one file, so most comparisons
    /// compare two integers instead of two long paths; the rest compare in place. The indices are
    /// sorted, not the diagnostics: a merge that moves whole diagnostics copies and releases each at
    /// every step, which cost several times the comparisons.
    func sortedForOutput() -> [Diagnostic] {
        var idOfFile: [String: Int] = [:]
        var files: [String] = []
        var fileRanks = ranksByRun(of: \.location.file) { file in
            if let known = idOfFile[file] { return known }
            idOfFile[file] = files.count
            files.append(file)
            return files.count - 1
        }
        var rankOfID = [Int](repeating: 0, count: files.count)
        for (rank, id) in files.indices.sorted(by: { files[$0] < files[$1] }).enumerated() { rankOfID[id] = rank }
        for index in fileRanks.indices { fileRanks[index] = rankOfID[fileRanks[index]] }
        return withUnsafeBufferPointer { diagnostics in
            diagnostics.indices.sorted { left, right in
                fileRanks[left] != fileRanks[right] ? fileRanks[left] < fileRanks[right] : diagnostics[left] < diagnostics[right]
            }.map { diagnostics[$0] }
        }
    }
}
