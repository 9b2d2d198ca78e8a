import KPlanCore

/// Recently built untagged scalars of one stream, found again by their bytes and style.
///
/// Manifests repeat most scalars (keys such as `name` and `metadata`, values such as `TCP` or an app
/// name): a repeated scalar shares the first one's storage instead of decoding, resolving and
/// allocating it again. The table is direct-mapped and fixed in size, so it never grows: a colliding
/// scalar replaces the previous one. Its size follows the input's, so a small file does not pay for
/// a large table.
///
/// Each slot keeps its scalar's length, style and first `inlineLength` bytes beside it, so a lookup
/// compares raw bytes without reading the scalar (longer texts are compared with the scalar's); the
/// table is raw memory, small enough to stay in cache, freed without visiting each slot's type.
final class ScalarCache {
    /// Scalars longer than this are not cached: long texts rarely repeat and are costly to compare.
    static let maxLength = 48
    /// Bytes per slot in `keys`: the length plus one (zero for an empty slot), the style, the bytes.
    private static let keyStride = 32
    /// The most bytes of a scalar kept in its slot's key.
    private static let inlineLength = keyStride - 2

    private let scalars: UnsafeMutablePointer<Scalar?>
    private let keys: UnsafeMutablePointer<UInt8>
    private let count: Int
    private let mask: Int

    /// A cache for a stream of `inputSize` bytes: about one slot per 16 bytes, 64 to 2048 slots.
    init(inputSize: Int) {
        var count = 64
        while count < 2048, count * 16 < inputSize { count *= 2 }
        self.count = count
        mask = count - 1
        scalars = .allocate(capacity: count)
        scalars.initialize(repeating: nil, count: count)
        keys = .allocate(capacity: count * Self.keyStride)
        keys.initialize(repeating: 0, count: count * Self.keyStride)
    }

    deinit {
        // Only slots with a key hold a scalar; most of a table sized for its input stay empty.
        for slot in 0..<count where keys[slot * Self.keyStride] != 0 {
            (scalars + slot).deinitialize(count: 1)
        }
        scalars.deallocate()
        keys.deallocate()
    }

    /// The slot for `bytes` in `style` (FNV-1a over the bytes, then the style).
    func slot(_ bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        hash = (hash ^ UInt32(style.cacheCode)) &* 16_777_619
        return Int(hash ^ (hash >> 16)) & mask
    }

    /// The cached scalar in `slot` if it has exactly these bytes (at most `maxLength`) and this style.
    func scalar(in slot: Int, bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle) -> Scalar? {
        let key = keys + slot * Self.keyStride
        guard key[0] == UInt8(truncatingIfNeeded: bytes.count + 1), key[1] == style.cacheCode else { return nil }
        let inline = min(bytes.count, Self.inlineLength)
        if let base = bytes.baseAddress {
            // Eight bytes at a time, then the rest one by one, never reading past either end.
            let stored = UnsafeRawPointer(key + 2)
            let given = UnsafeRawPointer(base)
            var index = 0
            while index + 8 <= inline {
                if stored.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    != given.loadUnaligned(fromByteOffset: index, as: UInt64.self) { return nil }
                index += 8
            }
            while index < inline {
                if key[2 + index] != base[index] { return nil }
                index += 1
            }
        }
        guard let scalar = scalars[slot] else { return nil }
        guard bytes.count > Self.inlineLength else { return scalar }
        let equal = scalar.text.utf8.withContiguousStorageIfAvailable { stored in
            stored.count == bytes.count && stored.elementsEqual(bytes)
        }
        return equal == true ? scalar : nil
    }

    /// Remembers `scalar`, built from `bytes` (at most `maxLength`) in `style`, in `slot`.
    func store(_ scalar: Scalar, bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, in slot: Int) {
        let key = keys + slot * Self.keyStride
        key[0] = UInt8(truncatingIfNeeded: bytes.count + 1)
        key[1] = style.cacheCode
        if let base = bytes.baseAddress { (key + 2).update(from: base, count: min(bytes.count, Self.inlineLength)) }
        scalars[slot] = scalar
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
