// swift-tools-version:6.0
import Foundation
import PackageDescription

// brief builds on Linux only: it calls Glibc and Linux system calls (renameat2, inotify,
// ext4 attributes) directly, so it claims no other platform.
let package = Package(
    name: "brief",
    products: [
        .executable(name: "brief", targets: ["brief"]),
        .library(name: "BriefKit", targets: ["BriefKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Linux calls brief needs and Foundation lacks (renameat2, ext4 attributes, the binary's
        // build id).
        .target(name: "CBriefSystem"),
        // The allocator: mimalloc (Debian's libmimalloc-dev), linked ahead of glibc so that it
        // serves every malloc of the process, and the few calls brief makes to it.
        .target(name: "CBriefHeap", linkerSettings: [.linkedLibrary("mimalloc")]),
        // cmark's allocator over per-thread arenas: beside the cmark it serves.
        .target(name: "CBriefArena", dependencies: ["CCmark"]),
        // The SSE2 block skip of the mention matcher.
        .target(name: "CBriefScan"),
        // zstd compression with per-thread contexts, for the rendered bodies a large site holds
        // (Debian's libzstd-dev).
        .target(name: "CBriefPack", linkerSettings: [.linkedLibrary("zstd")]),
        // The Mustache engine: parses, compiles and renders templates; knows nothing of sites.
        .target(name: "BriefTemplates"),
        // An S3 client that signs its requests (AWS Signature Version 4); knows nothing of sites.
        .target(name: "BriefS3", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "BriefKit",
            dependencies: [
                "BriefS3",
                "CCmark",
                "CBriefSystem",
                "CBriefHeap",
                "CBriefArena",
                "CBriefScan",
                "CBriefPack",
                "BriefTemplates",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "BriefServer",
            dependencies: [
                "BriefKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "brief",
            dependencies: [
                "BriefKit",
                "BriefServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BriefKitTests",
            dependencies: [
                "BriefKit", "BriefServer", "BriefTemplates", "BriefS3",
                // The word finder the search index counts with, read word by word.
                "CBriefScan",
                // The engine brief used first: templates must render the same bytes with both.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)

// libFuzzer targets, built only for `make fuzz` (BRIEF_FUZZ=1 swift build --sanitize=fuzzer):
// they have no `main` of their own, libFuzzer's is linked in.
if ProcessInfo.processInfo.environment["BRIEF_FUZZ"] != nil {
    for name in ["FrontMatterFuzzer", "MarkdownFuzzer", "TemplateFuzzer", "YAMLFuzzer"] {
        package.targets.append(
            .executableTarget(
                name: name,
                dependencies: [
                    "BriefKit", "BriefTemplates", .product(name: "Yams", package: "Yams"),
                    .product(name: "Mustache", package: "swift-mustache"),
                ],
                path: "Fuzz/\(name)",
                swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    }
}
