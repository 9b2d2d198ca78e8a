import KPlanCore
import KPlanSimulator
import Testing

/// The sorted-array set operations checked against the same operations on plain sets of paths, over
/// many generated sets whose steps mix fields, list keys, set values and indexes.
@Suite struct FieldManagementFieldSetAlgebraTests {
    /// A small deterministic generator (an LCG), so every run checks the same sets.
    private struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    private static let steps: [FieldPath.Element] = [
        .field("a"), .field("b"), .field("spec"), .field("Z"),
        .key([FieldPath.KeyField(name: "name", value: "app")]),
        .key([FieldPath.KeyField(name: "name", value: "sidecar")]),
        .key([FieldPath.KeyField(name: "containerPort", value: 80), FieldPath.KeyField(name: "protocol", value: "TCP")]),
        .value("x"), .value(3), .index(0), .index(2), .index(10),
    ]

    private static func paths(_ generator: inout Generator) -> [FieldPath] {
        (0..<generator.next(12)).map { _ in
            FieldPath((0...generator.next(3)).map { _ in steps[generator.next(steps.count)] })
        }
    }

    private static func pairs() -> [(a: [FieldPath], b: [FieldPath])] {
        var generator = Generator(state: 42)
        return (0..<300).map { _ in (paths(&generator), paths(&generator)) }
    }

    @Test func operationsMatchPlainSetsOfPaths() {
        for (a, b) in Self.pairs() {
            let left = FieldSet(a)
            let right = FieldSet(b)
            let mine = Set(a)
            let theirs = Set(b)
            #expect(Set(left.paths) == mine)
            #expect(Set(left.union(right).paths) == mine.union(theirs))
            #expect(Set(left.intersection(right).paths) == mine.intersection(theirs))
            #expect(Set(left.difference(right).paths) == mine.subtracting(theirs))
            #expect(Set(left.recursiveDifference(right).paths) == mine.filter { path in !theirs.contains { path.hasPrefix($0) } })
            #expect(Set(left.leaves.paths) == mine.filter { path in !mine.contains { $0 != path && $0.hasPrefix(path) } })
            for path in mine.union(theirs) {
                #expect(left.contains(path) == mine.contains(path))
            }
        }
    }

    @Test func equalSetsAreEqualWhateverTheInsertionOrder() {
        for (a, b) in Self.pairs() {
            let set = FieldSet(a + b)
            #expect(FieldSet((a + b).reversed()) == set)
            #expect(FieldSet(a).union(FieldSet(b)) == set)
            #expect(FieldSet(b).union(FieldSet(a)).hashValue == set.hashValue)
        }
    }

    @Test func levelsAreSortedWithoutRepeatsOrEmptyChildren() {
        func check(_ set: FieldSet) {
            #expect(set.members == set.members.sorted())
            #expect(Set(set.members).count == set.members.count)
            let steps = set.children.map(\.element)
            #expect(steps == steps.sorted())
            #expect(Set(steps).count == steps.count)
            for child in set.children {
                #expect(!child.set.isEmpty)
                check(child.set)
            }
        }
        for (a, b) in Self.pairs() {
            let left = FieldSet(a)
            let right = FieldSet(b)
            for set in [left, left.union(right), left.intersection(right), left.difference(right), left.recursiveDifference(right), left.leaves] {
                check(set)
            }
        }
    }

    @Test func fieldsV1RoundTripsAndIsWrittenInPathOrder() throws {
        for (a, _) in Self.pairs() {
            let set = FieldSet(a)
            let read = try #require(FieldSet(fieldsV1: set.fieldsV1))
            #expect(read == set)
            #expect(read.fieldsV1Text == set.fieldsV1Text)
            #expect(FieldSet(fieldsV1: FieldManagementTestSupport.json(set.fieldsV1Text)) == set)
        }
    }

    @Test func fieldsV1WithARepeatedStepUnitesItsPaths() throws {
        let text = #"{"f:spec":{"k:{\"name\":\"app\"}":{"f:image":{}},"k:{ \"name\": \"app\" }":{".":{},"f:name":{}}}}"#
        let set = try #require(FieldSet(fieldsV1: FieldManagementTestSupport.json(text)))
        let item = FieldPath(fields: "spec").appending(.key([FieldPath.KeyField(name: "name", value: "app")]))
        #expect(set == FieldSet([item, item.appending(.field("image")), item.appending(.field("name"))]))
    }
}
