import KPlanCore

/// Recently built untagged scalars of one stream, found again by their bytes and style.
///
/// Manifests repeat most scalars (keys such as `name` and `metadata`, values such as `TCP` or an app
/// name): a repeated scalar shares the first one's storage instead of decoding, resolving and
/// allocating it again. The table is direct-mapped and fixed in size, so it never grows: a colliding
/// scalar replaces the previous one. Its size follows the input's, so a small file does not pay for
/// a large table.
struct ScalarCache {
    /// Scalars longer than this are not cached: long texts rarely repeat and are costly to compare.
    static let maxLength = 48

    private var slots: [Scalar?]
    private let mask: Int

    /// A cache for a stream of `inputSize` bytes: about one slot per 16 bytes, 64 to 2048 slots.
    init(inputSize: Int) {
        var count = 64
        while count < 2048, count * 16 < inputSize { count *= 2 }
        slots = Array(repeating: nil, count: count)
        mask = count - 1
    }

    /// The slot for `bytes` in `style` (FNV-1a over the bytes, then the style).
    func slot(_ bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        hash = (hash ^ UInt32(style.cacheCode)) &* 16_777_619
        return Int(hash ^ (hash >> 16)) & mask
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
