import Foundation

@testable import BriefKit

/// libFuzzer target: any text as a briefing body through every tree pass — wikilinks, link
/// rewriting, quotes, mentions (with a registry that has shared aliases) and anchors.
let model: SiteModel = {
    func actor(_ name: String, _ aliases: [String]) -> SiteModel.ActorRecord {
        SiteModel.ActorRecord(
            name: name, slug: NameKey.slug(name), kind: .person, aliases: aliases, role: nil,
            affiliation: nil,
            profile: "", path: "Content/actors/\(NameKey.slug(name)).md", bodyFirstLine: 1, params: .empty)
    }
    return SiteModel(
        config: SiteConfig(title: "Fuzz", baseURL: "https://fuzz.example.org/w/"), root: "/", entries: [],
        actors: [
            actor("Kim Jong Un", ["Kim", "Kim Jong-un"]), actor("Kim Yong Hyun", ["Kim"]),
            actor("Łódź", ["Lodz"]),
            actor("United States", ["US", "U.S."]),
        ], topics: [], pages: [], media: [], statics: [])
}()
let resolver = LinkResolver.forSite(model, basePath: "/w/")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for unsafe in [false, true] {
        var renderer = MarkdownRenderer(unsafeHTML: unsafe, links: resolver)
        renderer.recordLinks = true
        let output = renderer.render(
            text, source: MarkdownSource(path: "Content/briefings/f.md", firstLine: 3, text: text),
            listedActors: [0, 2])
        for diagnostic in output.diagnostics {
            precondition((diagnostic.location.line ?? 1) >= 1 && (diagnostic.location.column ?? 1) >= 1)
        }
    }
    return 0
}
