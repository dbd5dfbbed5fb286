/// `brief check`'s link pass: collects every `href`/`src` and every `id` of the rendered pages,
/// then reports internal links to files that were not generated or to anchors that do not exist.
public struct LinkChecker: Sendable {
    /// One link found in a page.
    struct Link: Sendable {
        var target: String
        var page: String
        var source: SourceLocation
    }

    let basePath: String
    private var files = Set<String>()
    private var anchors: [String: Set<String>] = [:]
    private var links: [Link] = []

    public init(basePath: String) {
        self.basePath = basePath
    }

    /// What one generated file contributes: its path, and for an HTML page its links and ids.
    struct Page: Sendable {
        var path: String
        var links: [Link] = []
        var ids: Set<String>? = nil
    }

    /// Scans a generated file; HTML pages are scanned for links and ids. `source` is the file
    /// a dead link on this page is reported against (the entry, or the template). Pure, so the
    /// pages of a batch are scanned on all cores.
    static func scan(_ file: OutputFile, source: String, bodyLinks: [Located<String>] = []) -> Page {
        var page = Page(path: file.path)
        guard file.path.hasSuffix(".html"), case .bytes(let data) = file.content else { return page }
        let written = Dictionary(
            bodyLinks.map { ($0.value, $0.location) }, uniquingKeysWith: { first, _ in first })
        var ids = Set<String>()
        for (attribute, value) in HTMLAttributes.scan(Array(data), names: ["href", "src", "id"]) {
            if attribute == "id" {
                ids.insert(value)
            } else {
                page.links.append(
                    Link(
                        target: value, page: file.path, source: written[value] ?? SourceLocation(path: source)
                    ))
            }
        }
        page.ids = ids
        return page
    }

    /// Records a scanned file.
    mutating func add(_ page: Page) {
        files.insert(page.path)
        links += page.links
        if let ids = page.ids { anchors[page.path] = ids }
    }

    /// Every dead internal link. A link written in Markdown is reported where it was written; a
    /// dead link that a template puts on many pages is reported once, with the number of pages.
    func verify() -> [Diagnostic] {
        var byProblem: [String: [Link]] = [:]
        var order: [String] = []
        // A site-absolute target means the same on every page: checked once (most links are).
        var checked: [String: String?] = [:]
        for link in links {
            let problem: String?
            if link.target.utf8.first == UInt8(ascii: "/") {
                if let known = checked[link.target] {
                    problem = known
                } else {
                    problem = check(link)
                    checked[link.target] = .some(problem)
                }
            } else {
                problem = check(link)
            }
            guard let problem else { continue }
            let key = link.source.line == nil ? problem : "\(link.source)\u{0}\(problem)"
            if byProblem[key] == nil { order.append(key) }
            byProblem[key, default: []].append(link)
        }
        return order.map { key in
            let found = byProblem[key]!.sorted { ($0.source, $0.page) < ($1.source, $1.page) }
            let problem = check(found[0])!
            let first = found[0]
            var pages = Set(found.map(\.page)).count
            var message = "\(problem) (on \(url(of: first.page))"
            pages -= 1
            if pages > 0 { message += " and \(pages) other page\(pages == 1 ? "" : "s")" }
            return .error(first.source, message + ")")
        }
    }

    private func url(of page: String) -> String {
        basePath + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page)
    }

    private func check(_ link: Link) -> String? {
        var target = link.target
        if target.isEmpty || target.hasPrefix("//") || LinkPass.hasScheme(target) { return nil }
        if let query = target.firstIndex(of: "?") {
            let fragment = target.firstIndex(of: "#").map { String(target[$0...]) } ?? ""
            target = String(target[..<query]) + fragment
        }
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        var path: String
        if target.isEmpty {
            path = link.page
        } else if target.hasPrefix("/") {
            guard target.hasPrefix(basePath) else {
                return "link '\(link.target)' is outside the site's base path \(basePath)"
            }
            path = String(target.dropFirst(basePath.count))
        } else {
            let folder = link.page.split(separator: "/").dropLast().joined(separator: "/")
            path = LinkPass.normalize(folder + "/" + target)
            if target.hasSuffix("/") { path += "/" }
        }
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        let file = SiteURLs.file(for: path)
        let resolved =
            files.contains(file) ? file : files.contains(path + "/index.html") ? path + "/index.html" : nil
        guard let resolved else { return "dead link '\(link.target)': nothing is generated at that URL" }
        if let fragment, !fragment.isEmpty, let ids = anchors[resolved], !ids.contains(fragment) {
            return "dead link '\(link.target)': no element with id '\(fragment)' on that page"
        }
        return nil
    }
}

/// Reads attribute values out of HTML bytes, enough for the pages brief writes (quoted values).
enum HTMLAttributes {
    static func scan(_ html: [UInt8], names: Set<String>) -> [(String, String)] {
        var found: [(String, String)] = []
        var i = 0
        let count = html.count
        while i < count {
            guard html[i] == UInt8(ascii: "=") else {
                i += 1
                continue
            }
            // the attribute name ends right before '='
            var start = i
            while start > 0 && isNameByte(html[start - 1]) { start -= 1 }
            let name = String(decoding: html[start..<i], as: UTF8.self)
            i += 1
            guard names.contains(name), start > 0,
                html[start - 1] == UInt8(ascii: " ") || html[start - 1] == 10,
                i < count, html[i] == UInt8(ascii: "\"") || html[i] == UInt8(ascii: "'")
            else { continue }
            let quote = html[i]
            let valueStart = i + 1
            var end = valueStart
            while end < count && html[end] != quote { end += 1 }
            found.append((name, unescape(String(decoding: html[valueStart..<end], as: UTF8.self))))
            i = end + 1
        }
        return found
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
    }

    static func unescape(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
            of: "&#39;", with: "'"
        )
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&amp;", with: "&")
    }
}
