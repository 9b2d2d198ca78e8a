import Synchronization

/// Shares the storage of strings that many retained values repeat (group and kind names, label keys).
///
/// Swift keeps strings of up to 15 UTF-8 bytes inline; longer ones are allocated, once per copy read
/// from the input. Values kept for the whole run (facts about every object) intern theirs, so each
/// distinct string is stored once. Only intern strings from small, repetitive vocabularies: the table
/// is never emptied.
public final class StringInterner: Sendable {
    /// The interner shared by the whole process.
    public static let shared = StringInterner()

    private let table = Mutex<Set<String>>([])

    /// Creates an empty interner.
    public init() {}

    /// A string equal to `text` whose storage is shared with every other interned copy.
    public func intern(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        return table.withLock { table in
            if let existing = table.firstIndex(of: text).map({ table[$0] }) { return existing }
            table.insert(text)
            return text
        }
    }
}
