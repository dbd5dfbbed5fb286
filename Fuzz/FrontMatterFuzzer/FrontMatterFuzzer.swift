import Foundation
import Yams

@testable import BriefKit

/// libFuzzer target: any bytes as a briefing file — decoding, front-matter splitting, YAML
/// composition and validation must never crash or hang, only report diagnostics; and wherever
/// the fast front-matter reader accepts the text, it must compose exactly what Yams composes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    guard case .success(let source) = SourceText.decode(bytes, path: "fuzz.md") else { return 0 }
    _ = EntryParser.parseBriefing(source)
    _ = EntryParser.parseActor(source)
    _ = SiteConfigLoader.load(text: source.text)
    // As a briefing's front matter and as a whole site.yml.
    var texts = [source.text]
    if case .success(let parts) = FrontMatterSplitter.split(source.text) { texts.append(parts.yaml) }
    for text in texts {
        guard let fast = FastYAMLReader.read(text) else { continue }
        let composed = (try? Yams.compose(yaml: text, .basic, .default, .utf8)).flatMap {
            $0.map { YAMLNode($0) }
        }
        if composed != fast { fatalError("FastYAMLReader differs from Yams on \(text.debugDescription)") }
    }
    return 0
}
