import KPlanCore

/// `text` without leading and trailing spaces and tabs.
func lintTrimmed(_ text: Substring) -> String {
    String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
}

/// Whether `text` contains `part`, comparing UTF-8 bytes (cheaper than Foundation's `contains`).
func lintContains(_ text: some StringProtocol, _ part: String) -> Bool {
    let needle = part.utf8
    guard let first = needle.first else { return true }
    let haystack = text.utf8
    var index = haystack.startIndex
    while let found = haystack[index...].firstIndex(of: first) {
        if haystack[found...].starts(with: needle) { return true }
        index = haystack.index(after: found)
    }
    return false
}

/// The Levenshtein distance between two strings, counted in characters.
func lintEditDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The node an object-level finding points at: the `metadata.name` value, else the object.
func lintNameAnchor(_ resource: Resource) -> Node {
    resource.node["metadata"]?["name"] ?? resource.node
}

/// A security setting that a container may set and its pod may default (`runAsNonRoot`, `runAsUser`,
/// …): the container's value when present, else the pod's.
func lintEffectiveSecurityField(_ key: String, of container: LintContainer, in pod: LintPodTemplate) -> Node? {
    container.securityContext?[key] ?? pod.podSecurityContext?[key]
}

/// `spec.replicas` of a workload with replicas, defaulting to 1; nil for other kinds or a
/// non-integer value.
func lintReplicas(_ pod: LintPodTemplate) -> Int64? {
    guard pod.kind.hasReplicas else { return nil }
    guard let node = pod.resource.node["spec"]?["replicas"], !node.isNull else { return 1 }
    return node.int
}

/// A container image reference split into repository, tag and digest.
///
/// The parts are slices of the reference, so splitting allocates nothing.
struct LintImageReference: Sendable, Hashable {
    /// Everything before the tag and digest (`registry:5000/team/app`).
    let repositoryPart: Substring
    /// The tag, nil when none is written.
    let tagPart: Substring?
    /// The digest (`sha256:…`), nil when none is written.
    let digestPart: Substring?

    /// Splits `reference`, finding the `@` and the tag's `:` among its UTF-8 bytes in place.
    init(_ reference: String) {
        var text = reference
        let (at, colon) = text.withUTF8 { bytes -> (Int?, Int?) in
            var at: Int?
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "@") { at = index; break }
                index += 1
            }
            // The tag's colon is the last one after the last slash before the digest.
            var colon: Int?
            index = at ?? bytes.count
            while index > 0 {
                index -= 1
                if bytes[index] == UInt8(ascii: "/") { break }
                if bytes[index] == UInt8(ascii: ":") { colon = index; break }
            }
            return (at, colon)
        }
        let utf8 = reference.utf8
        func position(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let end = at.map(position) ?? reference.endIndex
        digestPart = at.map { reference[position($0 + 1)...] }
        if let colon {
            tagPart = reference[position(colon + 1)..<end]
            repositoryPart = reference[..<position(colon)]
        } else {
            tagPart = nil
            repositoryPart = reference[..<end]
        }
    }

    /// Everything before the tag and digest, as a string.
    var repository: String { String(repositoryPart) }
    /// The tag as a string, nil when none is written.
    var tag: String? { tagPart.map(String.init) }
    /// The digest as a string, nil when none is written.
    var digest: String? { digestPart.map(String.init) }

    /// Whether the reference resolves to `latest`: tagged `latest` or untagged, without a digest.
    var isLatest: Bool { digestPart == nil && (tagPart == nil || tagPart == "latest") }
}

/// The key node of the pod spec mapping of a workload (the `spec` key under the template), if any.
func lintPodSpecKey(of resource: Resource) -> Node? {
    let root = resource.node
    let holder: Node?
    switch WorkloadKind(resource.gvk) {
    case .pod?: holder = root
    case .podTemplate?: holder = root["template"]
    case .deployment?, .replicaSet?, .statefulSet?, .daemonSet?, .job?, .replicationController?:
        holder = root["spec"]?["template"]
    case .cronJob?: holder = root["spec"]?["jobTemplate"]?["spec"]?["template"]
    case nil: holder = nil
    }
    return holder?.entry("spec")?.key
}
