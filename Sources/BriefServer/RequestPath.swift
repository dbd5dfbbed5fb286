/// Turns a request's raw path into a file of the site, refusing anything that tries to leave
/// it: `..` (plain or percent-encoded), encoded slashes, double encoding, backslashes and NUL.
/// The site is served from memory, so nothing outside it could be reached anyway; refusing
/// these outright keeps the contract visible and testable.
enum RequestPath {
    /// What a request path asks for.
    enum Target: Equatable {
        /// A file of the site, by its path inside the site.
        case file(String)
        /// A folder asked for without its trailing slash: redirect to this path.
        case redirect(String)
        case notFound
        case refused
    }

    static func resolve(_ rawPath: String, basePath: String, exists: (String) -> Bool) -> Target {
        var raw = rawPath
        if let query = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = String(raw[..<query]) }
        let lower = raw.lowercased()
        for forbidden in ["%2e", "%2f", "%5c", "%25", "%00", "\\", "\0"] where lower.contains(forbidden) {
            return .refused
        }
        guard let decoded = raw.removingPercentEncoding, !decoded.contains("\0") else { return .refused }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .refused }
        guard decoded.hasPrefix(basePath) || decoded + "/" == basePath else { return .notFound }
        if decoded + "/" == basePath { return .redirect(basePath) }
        let inside = String(decoded.dropFirst(basePath.count))
        if inside.isEmpty || inside.hasSuffix("/") {
            let index = inside + "index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(inside) { return .file(inside) }
        if exists(inside + "/index.html") { return .redirect(basePath + inside + "/") }
        return .notFound
    }
}
