import KPlanCore

/// Recently built untagged scalars of one stream, found again by their bytes and style.
///
/// Manifests repeat most scalars (keys such as `name` and `metadata`, values such as `TCP` or an app
/// name): a repeated scalar shares the first one's storage instead of decoding, resolving and
/// allocating it again. The table is direct-mapped and fixed in size, so it never grows: a colliding
/// scalar replaces the previous one.
struct ScalarCache {
    /// Scalars longer than this are not cached: long texts rarely repeat and are costly to compare.
    static let maxLength = 48
    private static let slotCount = 2048

    private var slots: [Scalar?] = Array(repeating: nil, count: slotCount)

    /// The slot for `bytes` in `style` (FNV-1a over the bytes, then the style).
    static func slot(_ bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        hash = (hash ^ UInt32(style.cacheCode)) &* 16_777_619
        return Int(hash ^ (hash >> 16)) & (slotCount - 1)
    }

    /// The cached scalar in `slot` if it has exactly these bytes and this style.
    func scalar(in slot: Int, bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle) -> Scalar? {
        guard let scalar = slots[slot], scalar.style == style else { return nil }
        let equal = scalar.text.utf8.withContiguousStorageIfAvailable { stored in
            guard stored.count == bytes.count else { return false }
            for index in 0..<bytes.count where stored[index] != bytes[index] { return false }
            return true
        }
        return equal == true ? scalar : nil
    }

    /// Remembers `scalar` in `slot`.
    mutating func store(_ scalar: Scalar, in slot: Int) {
        slots[slot] = scalar
    }
}

private extension ScalarStyle {
    /// A small number per style, for hashing.
    var cacheCode: UInt8 {
        switch self {
        case .plain: 0
        case .singleQuoted: 1
        case .doubleQuoted: 2
        case .literal: 3
        case .folded: 4
        }
    }
}
