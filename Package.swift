// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "kplan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kplan", targets: ["kplan"]),
        .library(name: "KPlan", targets: ["KPlan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libyaml, from the system (Debian: libyaml-dev).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The embedded, generated Kubernetes schema bundle (see Scripts/generate-schema-bundle.py).
        .target(name: "CKPlanSchemaData"),
        // Value types shared by every stage: positions, diagnostics, YAML nodes, resource keys.
        .target(name: "KPlanCore"),
        // The only importer of libyaml: YAML text to positioned nodes.
        .target(name: "KPlanYAML", dependencies: ["KPlanCore", "CLibYAML"]),
        // Schemas, CRDs, semantic checks, lint rules.
        .target(
            name: "KPlanValidation", dependencies: ["KPlanCore", "KPlanYAML", "CKPlanSchemaData"],
            // Foundation's String methods (NSString-bridged, slow) stay out of files that do not import it.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
        // Renderers for findings: text, json, sarif, junit, github.
        .target(name: "KPlanOutput", dependencies: ["KPlanCore"]),
        // The pipeline facade: load, validate, report.
        .target(name: "KPlan", dependencies: ["KPlanCore", "KPlanYAML", "KPlanValidation", "KPlanOutput"]),
        .executableTarget(
            name: "kplan",
            dependencies: ["KPlan", "KPlanOutput", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "kplan-bench", dependencies: ["KPlan", "KPlanYAML"]),
        .testTarget(name: "KPlanYAMLTests", dependencies: ["KPlanYAML"]),
        .testTarget(name: "KPlanValidationTests", dependencies: ["KPlanValidation", "KPlanYAML"]),
        .testTarget(name: "KPlanOutputTests", dependencies: ["KPlanOutput"]),
        .testTarget(name: "KPlanTests", dependencies: ["KPlan"]),
    ],
    swiftLanguageModes: [.v6]
)
