extension UInt8 {
    /// The ASCII lowercase hexadecimal digit of `value` (0...15).
    @inlinable
    public static func lowercaseHexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
