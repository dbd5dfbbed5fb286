/// The URLs brief accepts from front matter, `site.yml` and the command line: http(s) or
/// relative. Browsers ignore leading spaces and control characters and drop tabs and newlines
/// anywhere, so `" java\tscript:…"` is read the way a browser would read it before the scheme
/// is checked.
public enum LinkURL {
    /// Why `text` is not an acceptable link, or nil when it is.
    public static func problem(_ text: String) -> String? {
        // Most URLs are plain `https://host/…`: decided from the bytes without building a copy.
        let utf8 = text.utf8
        if text.hasPrefix("https://") || text.hasPrefix("http://"),
            !utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }),
            let slash = utf8.dropFirst(text.hasPrefix("https") ? 8 : 7).first, slash != UInt8(ascii: "/")
        {
            return nil
        }
        let hasControl = text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        let cleaned = String(
            String.UnicodeScalarView(text.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        if let problem = schemeProblem(cleaned) { return problem }
        return hasControl ? "contains a control character" : nil
    }

    private static func schemeProblem(_ cleaned: String) -> String? {
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let prefix = cleaned[..<colon]
        if prefix.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return nil }
        let scheme = prefix.lowercased()
        guard scheme == "http" || scheme == "https" else {
            return "must be an http(s) or relative URL; '\(prefix):' links are not allowed"
        }
        let rest = cleaned[cleaned.index(after: colon)...]
        guard rest.hasPrefix("//"), rest.dropFirst(2).first.map({ $0 != "/" }) == true else {
            return "must name a host, like https://example.org/…"
        }
        return nil
    }

    /// Why `text` is not a usable `base_url`, or nil: an absolute http(s) URL with a host,
    /// an optional port, and a clean path (no empty, `.` or `..` segments, no query or
    /// fragment, nothing that needs quoting in HTML).
    public static func baseProblem(_ text: String) -> String? {
        let lower = text.lowercased()
        let afterScheme: Substring
        if lower.hasPrefix("https://") {
            afterScheme = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            afterScheme = text.dropFirst(7)
        } else {
            return "must be an absolute http(s) URL like https://example.org/"
        }
        let authority = afterScheme.prefix { $0 != "/" }
        let path = afterScheme.dropFirst(authority.count)
        guard isHostAndPort(authority) else {
            return "must name a host (letters, digits, '-' and '.'), optionally with a port"
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%/")
        guard path.allSatisfy({ allowed.contains($0) }) else {
            return
                "has a path with characters a base path cannot carry (only letters, digits, '-', '.', '_', '~', '%' and '/')"
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            if segment == "." || segment == ".." { return "has a path with '.' or '..' in it" }
            if segment.isEmpty && index != segments.count - 1 {
                return "has an empty segment ('//') in its path"
            }
        }
        return nil
    }

    private static func isHostAndPort(_ authority: Substring) -> Bool {
        var host = authority
        if let colon = authority.lastIndex(of: ":"),
            !authority.hasPrefix("[") || authority[..<colon].hasSuffix("]")
        {
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber)
            else {
                return false
            }
            host = authority[..<colon]
        }
        if host.hasPrefix("[") && host.hasSuffix("]") {
            return host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
                && host.count > 2
        }
        let label = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
        return !host.isEmpty && host.allSatisfy { label.contains($0) } && !host.hasPrefix(".")
            && !host.hasPrefix("-")
    }
}
