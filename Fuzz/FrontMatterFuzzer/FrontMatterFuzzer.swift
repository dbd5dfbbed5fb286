import Foundation

@testable import BriefKit

/// libFuzzer target: any bytes as a briefing file — decoding, front-matter splitting, YAML
/// composition and validation must never crash or hang, only report diagnostics.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    guard case .success(let source) = SourceText.decode(bytes, path: "fuzz.md") else { return 0 }
    _ = EntryParser.parseBriefing(source)
    _ = EntryParser.parseActor(source)
    _ = SiteConfigLoader.load(text: source.text)
    return 0
}
