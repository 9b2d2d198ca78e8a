import Foundation
import KPlanYAML

let path = CommandLine.arguments[1]
let bytes = Array(FileManager.default.contents(atPath: path)!)
func rssMiB() -> Double {
    let s = try! String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    let line = s.split(separator: "\n").first { $0.hasPrefix("VmHWM") }!
    return Double(line.split(separator: " ").dropFirst().first!)! / 1024
}
print("before", rssMiB())
var t = Date()
for _ in 0..<10 { _ = YAMLLoader.countEvents(bytes) }
let raw = Date().timeIntervalSince(t) / 10
t = Date()
var docs = 0
var keep: [YAMLStream] = []
for _ in 0..<10 { let s = YAMLLoader.load(bytes, file: path); docs = s.documents.count }
let tree = Date().timeIntervalSince(t) / 10
print("raw \(raw*1000)ms tree \(tree*1000)ms ratio \(raw/tree) docs \(docs) MB \(Double(bytes.count)/1e6) rss(10 copies) \(rssMiB())")
