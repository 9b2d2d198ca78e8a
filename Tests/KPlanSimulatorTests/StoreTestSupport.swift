import Foundation
import KPlanCore

/// A fresh temporary directory, removed after `body`.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-store-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// A ConfigMap key in `namespace`.
func configMapKey(_ name: String, namespace: String = "default") -> ResourceKey {
    ResourceKey(group: "", kind: "ConfigMap", namespace: namespace, name: name)
}

/// A small ConfigMap value.
func configMap(_ name: String, data: JSONValue = [:]) -> JSONValue {
    ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)], "data": data]
}
