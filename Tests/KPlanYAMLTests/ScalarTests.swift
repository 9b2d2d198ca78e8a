import KPlanCore
import Testing

@Suite struct ScalarTests {
    @Test func aStringValueThatIsTheTextReadsBackAsTheText() {
        let scalar = Scalar(text: "web", style: .plain, tag: nil, value: .string("web"))
        #expect(scalar.value == .string("web"))
        #expect(scalar.stringValue == "web")
        #expect(scalar.style == .plain)
        #expect(scalar.tag == nil)
    }

    @Test func aStringValueOtherThanTheTextIsKept() {
        let scalar = Scalar(text: "a", style: .doubleQuoted, tag: "!x", value: .string("b"))
        #expect(scalar.text == "a")
        #expect(scalar.value == .string("b"))
        #expect(scalar.stringValue == "b")
        #expect(scalar.style == .doubleQuoted)
        #expect(scalar.tag == "!x")
    }

    @Test func nonStringValuesHaveNoStringValue() {
        let scalar = Scalar(text: "12", style: .plain, tag: nil, value: .int(12))
        #expect(scalar.value == .int(12))
        #expect(scalar.stringValue == nil)
        #expect(Node(.scalar(scalar), range: SourceRange(at: SourcePosition(line: 1, column: 1))).int == 12)
    }

    @Test func settingAPropertyChangesOnlyThatCopy() {
        let original = Scalar(text: "12", style: .plain, tag: nil, value: .int(12))
        var changed = original
        changed.text = "13"
        changed.value = .int(13)
        changed.style = .singleQuoted
        changed.tag = "tag:yaml.org,2002:int"
        #expect(original == Scalar(text: "12", style: .plain, tag: nil, value: .int(12)))
        #expect(changed == Scalar(text: "13", style: .singleQuoted, tag: "tag:yaml.org,2002:int", value: .int(13)))
        #expect(changed != original)
    }

    @Test func equalScalarsHashAlike() {
        let a = Scalar(text: "x", style: .plain, tag: nil, value: .string("x"))
        let b = Scalar(text: "x", style: .plain, tag: nil, value: .string("x"))
        #expect(Set([a, b]).count == 1)
        #expect(a != Scalar(text: "x", style: .singleQuoted, tag: nil, value: .string("x")))
    }

    @Test func aNaNScalarIsNotEqualToItself() {
        let scalar = Scalar(text: ".nan", style: .plain, tag: nil, value: .float(.nan))
        #expect(scalar != scalar)
    }
}
