/// Facts about kplan itself that reports carry.
public enum KPlanInfo {
    /// kplan's version.
    public static let version = "0.1.0"
    /// Where to read about kplan (SARIF's `informationUri`).
    public static let informationURI = "https://github.com/kplan-dev/kplan"
}
