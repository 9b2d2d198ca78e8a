import KPlanCore
import KPlanValidation

/// Kubernetes' canonical form of a `resource.Quantity`, which is how the API server stores one: the
/// value rounded up to thousandths, written with the largest suffix of its format (decimal SI,
/// binary SI or decimal exponent) that keeps an integer mantissa (`0.5` → `500m`, `1024Mi` → `1Gi`,
/// `1000` → `1k`, `1.5Gi` → `1536Mi`); binary values under 1024 or with a fraction are written in
/// decimal SI (`0.25Ki` → `256`).
enum CanonicalQuantity {
    private enum Format {
        case decimalSI, binarySI, decimalExponent
    }

    private static let decimalSuffixes: [String: Int] = ["m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18]
    private static let binarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]

    /// The canonical text of a quantity given as JSON (a string or a number); nil when it is not a
    /// quantity or is too large to handle exactly (then it is stored as given).
    static func canonical(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return canonical(text)
        case .int(let number): return canonical(String(number))
        case .double(let number): return number.isFinite ? canonical(String(number)) : nil
        case .null, .bool, .array, .object: return nil
        }
    }

    /// The canonical text of a quantity; nil when `text` is not one or is too large to handle exactly.
    static func canonical(_ text: String) -> String? {
        guard let parsed = parse(text) else { return nil }
        let (negative, binaryPower) = (parsed.0, parsed.4)
        var (mantissa, exponent, format) = (parsed.1, parsed.2, parsed.3)
        for _ in 0..<binaryPower {
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: 1024)
            guard !overflow else { return nil }
            mantissa = product
        }
        if exponent < -3 {
            // Round up to thousandths.
            var divisor: Int64 = 1
            for _ in 0..<(-3 - exponent) {
                let (product, overflow) = divisor.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                divisor = product
            }
            mantissa = (mantissa + divisor - 1) / divisor
            exponent = -3
        }
        if mantissa == 0 { return "0" }
        if format == .binarySI, let whole = integer(mantissa, exponent), whole >= 1024 {
            var value = whole
            var power = 0
            while value % 1024 == 0 && power < binarySuffixes.count - 1 {
                value /= 1024
                power += 1
            }
            return (negative ? "-" : "") + String(value) + binarySuffixes[power]
        }
        if format == .binarySI { format = .decimalSI }
        while exponent % 3 != 0 {
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            mantissa = product
            exponent -= 1
        }
        while mantissa % 1000 == 0 && exponent < 18 {
            mantissa /= 1000
            exponent += 3
        }
        let suffix: String
        switch format {
        case .decimalSI, .binarySI:
            guard let name = decimalSuffixes.first(where: { $0.value == exponent })?.key else { return nil }
            suffix = name
        case .decimalExponent:
            suffix = exponent == 0 ? "" : "e\(exponent)"
        }
        return (negative ? "-" : "") + String(mantissa) + suffix
    }

    /// The whole number `mantissa × 10^exponent`, nil when it has a fraction or overflows.
    private static func integer(_ mantissa: Int64, _ exponent: Int) -> Int64? {
        var value = mantissa
        if exponent < 0 {
            var divisor: Int64 = 1
            for _ in 0..<(-exponent) { divisor *= 10 }
            guard value % divisor == 0 else { return nil }
            return value / divisor
        }
        for _ in 0..<exponent {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = product
        }
        return value
    }

    /// Sign, the digits as an integer, the power of ten they are scaled by, the format, and the power
    /// of 1024 a binary suffix multiplies by.
    private static func parse(_ text: String) -> (Bool, Int64, Int, Format, Int)? {
        var rest = Substring(text)
        var negative = false
        if rest.first == "+" || rest.first == "-" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        let integerDigits = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(integerDigits.count)
        var fractionDigits: Substring = ""
        if rest.first == "." {
            rest = rest.dropFirst()
            fractionDigits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(fractionDigits.count)
        }
        guard !(integerDigits.isEmpty && fractionDigits.isEmpty) else { return nil }
        var mantissa: Int64 = 0
        for digit in (integerDigits + fractionDigits) {
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            mantissa = product + Int64(digit.wholeNumberValue ?? 0)
        }
        var exponent = -fractionDigits.count
        let suffix = String(rest)
        if let power = binarySuffixes.firstIndex(of: suffix), power > 0 {
            return (negative, mantissa, exponent, .binarySI, power)
        }
        if let shift = decimalSuffixes[suffix] {
            return (negative, mantissa, exponent + shift, .decimalSI, 0)
        }
        guard let marker = suffix.first, marker == "e" || marker == "E", let shift = Int(suffix.dropFirst()) else { return nil }
        exponent += shift
        return (negative, mantissa, exponent, .decimalExponent, 0)
    }

    /// `value` with every quantity `schema` declares written canonically.
    static func apply(to value: JSONValue, schema: Schema) -> JSONValue {
        SchemaGuidedRewrite.apply(to: value, schema: schema, skipping: { !$0.reaches(.quantity) }) { node, schema in
            guard schema.special == .quantity else { return node }
            return canonical(node).map(JSONValue.string) ?? node
        }
    }
}
