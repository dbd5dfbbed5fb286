import Foundation

@testable import BriefKit

/// libFuzzer target: any text as YAML (site.yml and front matter), run under a memory cap
/// (`make fuzz` passes -rss_limit_mb and -malloc_limit_mb): anchors, aliases, deep nesting
/// and long scalars must give diagnostics, never a crash, a hang or a blow-up in memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var diagnostics: [Diagnostic] = []
    _ = YAMLDocument.compose(text, path: "fuzz.yml", firstLine: 1, diagnostics: &diagnostics)
    _ = SiteConfigLoader.load(text: text)
    return 0
}
