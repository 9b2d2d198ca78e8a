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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
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
        .target(name: "KPlanOutput", dependencies: ["KPlanCore", "KPlanYAML", "KPlanDiff"]),
        // The embedded simulated cluster: MVCC store (SQLite via GRDB), API semantics (validation,
        // defaulting, server-side apply with managed fields), the ClusterBackend it serves.
        .target(
            name: "KPlanSimulator",
            dependencies: [
                "KPlanCore", "KPlanYAML", "KPlanValidation", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Desired × actual → Plan: field diffs, dependency waves, saved plan files.
        .target(
            name: "KPlanDiff",
            dependencies: ["KPlanCore", "KPlanYAML", "KPlanValidation", .product(name: "Crypto", package: "swift-crypto")]),
        // The pipeline facade: load, validate, report, plan, apply.
        .target(
            name: "KPlan",
            dependencies: ["KPlanCore", "KPlanYAML", "KPlanValidation", "KPlanOutput", "KPlanSimulator", "KPlanDiff"]),
        .executableTarget(
            name: "kplan",
            dependencies: ["KPlan", "KPlanOutput", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "kplan-bench", dependencies: ["KPlan", "KPlanYAML", "KPlanCore", "KPlanDiff", "KPlanSimulator"]),
        .testTarget(name: "KPlanCoreTests", dependencies: ["KPlanCore"]),
        .testTarget(name: "KPlanYAMLTests", dependencies: ["KPlanYAML"]),
        .testTarget(
            name: "KPlanSimulatorTests",
            dependencies: ["KPlanSimulator", "KPlanYAML", .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Fixtures"]),
        .testTarget(name: "KPlanDiffTests", dependencies: ["KPlanDiff", "KPlanYAML"]),
        .testTarget(name: "KPlanValidationTests", dependencies: ["KPlanValidation", "KPlanYAML"]),
        .testTarget(name: "KPlanOutputTests", dependencies: ["KPlanOutput"]),
        .testTarget(name: "KPlanTests", dependencies: ["KPlan"]),
    ],
    swiftLanguageModes: [.v6]
)
