/// The elements of a buffer, moved out as they are iterated: the buffer must be iterated to its end
/// and then refilled before anything else reads or destroys it.
struct MovingElements<Element>: Sequence, IteratorProtocol {
    private let buffer: UnsafeMutableBufferPointer<Element>
    private var position = 0

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        self.buffer = buffer
    }

    var underestimatedCount: Int { buffer.count - position }

    mutating func next() -> Element? {
        guard position < buffer.count else { return nil }
        defer { position += 1 }
        return (buffer.baseAddress! + position).move()
    }
}
