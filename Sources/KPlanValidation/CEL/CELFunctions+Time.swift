/// Calendar and clock accessors on timestamps and durations.
extension CELFunctions {
    /// Calls a `get…` accessor on a timestamp (in UTC, or at a fixed `±HH:MM` offset given as the
    /// argument) or a duration; nil when `name` is not one for `target`.
    static func timeMethod(
        _ name: String, _ target: CELValue, _ args: [CELValue]
    ) throws(CELEvalError) -> CELValue? {
        switch target {
        case .duration(let nanoseconds):
            guard args.isEmpty else { return nil }
            switch name {
            case "getHours": return .int(nanoseconds / 3_600_000_000_000)
            case "getMinutes": return .int(nanoseconds / 60_000_000_000)
            case "getSeconds": return .int(nanoseconds / 1_000_000_000)
            case "getMilliseconds": return .int(nanoseconds / 1_000_000)
            default: return nil
            }
        case .timestamp(let seconds, let nanos):
            var offset: Int64 = 0
            switch args.count {
            case 0: break
            case 1:
                guard case .string(let zone) = args[0] else { return nil }
                offset = try zoneOffset(zone)
            default: return nil
            }
            let fields = CELTimestamp.civil(seconds + offset)
            switch name {
            case "getFullYear": return .int(fields.year)
            case "getMonth": return .int(fields.month - 1)
            case "getDate": return .int(fields.day)
            case "getDayOfMonth": return .int(fields.day - 1)
            case "getDayOfWeek": return .int(fields.weekday)
            case "getDayOfYear": return .int(fields.yearDay)
            case "getHours": return .int(fields.hour)
            case "getMinutes": return .int(fields.minute)
            case "getSeconds": return .int(fields.second)
            case "getMilliseconds": return .int(nanos / 1_000_000)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Seconds east of UTC for `UTC`, `Z` or a fixed `±HH:MM` offset; other zone names are errors.
    private static func zoneOffset(_ zone: String) throws(CELEvalError) -> Int64 {
        if zone == "UTC" || zone == "Z" { return 0 }
        let c = Array(zone.utf8)
        guard c.count == 6, c[0] == 43 || c[0] == 45, c[3] == 58,
            let hours = Int64(String(zone.dropFirst().prefix(2))), let minutes = Int64(String(zone.suffix(2))),
            hours < 24, minutes < 60
        else { throw .failure("unsupported time zone '\(zone)': only UTC and ±HH:MM offsets are known") }
        return (hours * 3600 + minutes * 60) * (c[0] == 45 ? -1 : 1)
    }
}
