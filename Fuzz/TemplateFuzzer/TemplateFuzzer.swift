import Foundation

@testable import BriefKit
@testable import BriefTemplates

/// libFuzzer target: any text as a site's template — loading reports syntax errors and missing
/// partials with a location, and a template that loads renders without crashing. Most inputs
/// go straight to the engine (fast); one in sixteen goes through the whole theme loader.
let folder: String = {
    let path = NSTemporaryDirectory() + "brief-template-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(
        atPath: path + "/Templates/partials", withIntermediateDirectories: true)
    return path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = Data(bytes: data, count: size)
    let context: TemplateValue = [
        "site": ["title": "T", "nav": [:]], "page": ["title": "P", "feeds": [["url": "u"], ["url": "v"]]],
        "content": "<p>x</p>", "n": 3, "flag": true, "empty": [],
    ]
    if size % 16 != 0 {
        // A name no tag can write (it has a space), so the template cannot include itself.
        var library = TemplateLibrary()
        if (try? library.add(String(decoding: text, as: UTF8.self), named: "fuzz page")) != nil {
            _ = library.render("fuzz page", context)
        }
        return 0
    }
    FileManager.default.createFile(atPath: folder + "/Templates/page.mustache", contents: text)
    FileManager.default.createFile(atPath: folder + "/Templates/partials/footer.mustache", contents: text)
    let (theme, diagnostics) = Theme.load(siteRoot: folder)
    for diagnostic in diagnostics { precondition(diagnostic.location.path.hasPrefix("Templates/")) }
    if let theme {
        _ = theme.render("page", context)
    }
    return 0
}
