import Foundation

@testable import BriefKit

/// libFuzzer target: any text as a site's template — loading reports syntax errors and missing
/// partials with a location, and a template that loads renders without crashing.
let folder: String = {
    let path = NSTemporaryDirectory() + "brief-template-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(
        atPath: path + "/Templates/partials", withIntermediateDirectories: true)
    return path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = Data(bytes: data, count: size)
    FileManager.default.createFile(atPath: folder + "/Templates/page.mustache", contents: text)
    FileManager.default.createFile(atPath: folder + "/Templates/partials/footer.mustache", contents: text)
    let (theme, diagnostics) = Theme.load(siteRoot: folder)
    for diagnostic in diagnostics { precondition(diagnostic.location.path.hasPrefix("Templates/")) }
    if let theme {
        _ = theme.render(
            "page", ["site": ["title": "T", "nav": [:]], "page": ["title": "P"], "content": "<p>x</p>"])
    }
    return 0
}
