import Foundation

/// Rewrites link and image destinations: root-relative links get the base path, relative links
/// to `.md` files or `Content/media/` files become their URLs, `javascript:` links are emptied.
struct LinkPass {
    let resolver: LinkResolver
    let source: MarkdownSource
    let unsafeHTML: Bool

    /// Rewrites `links`: the links and images of a document (`PassTargets.links`).
    func run(_ links: [MarkdownNode], diagnostics: inout [Diagnostic]) {
        for node in links {
            if let rewritten = rewrite(node.url, node: node, diagnostics: &diagnostics) {
                node.url = rewritten
            }
        }
    }

    static func hasScheme(_ url: String) -> Bool {
        // On bytes: a scheme is ASCII, and Character iteration costs grapheme breaking.
        let utf8 = url.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = utf8[..<colon]
        guard let first = scheme.first, ASCII.isLetter(first) else { return false }
        return scheme.allSatisfy { byte in
            ASCII.isLetterOrDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-")
        }
    }

    private func rewrite(_ url: String, node: MarkdownNode, diagnostics: inout [Diagnostic]) -> String? {
        let trimmed = url.trimmingSpaces.lowercased()
        if trimmed.hasPrefix("javascript:") || trimmed.hasPrefix("vbscript:") { return "" }
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("//") || Self.hasScheme(url) { return nil }
        if url.hasPrefix("/") { return resolver.basePath + url.dropFirst() }
        var path = url
        var suffix = ""
        if let cut = url.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            path = String(url[..<cut])
            suffix = String(url[cut...])
        }
        let decoded = path.removingPercentEncoding ?? path
        let folder = (source.path as NSString).deletingLastPathComponent
        let target = Self.normalize(folder + "/" + decoded)
        guard decoded.hasSuffix(".md") || target.hasPrefix("Content/media/") else { return nil }
        if let resolved = resolver.contentFile(target) { return resolver.basePath + resolved + suffix }
        diagnostics.append(
            .error(
                source.location(of: node),
                "link to '\(url)' does not resolve: no file \(target)"))
        return nil
    }

    /// Resolves `.` and `..` segments of a relative path.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
