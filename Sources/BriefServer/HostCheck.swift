/// Which `Host` headers the preview answers: its own address, `localhost`, any IP literal, and
/// none at all (only clients that are not browsers leave it out).
/// A DNS-rebinding page names its own domain in `Host`; refusing names the preview was not
/// started with keeps such a page from reading the preview through the browser.
enum HostCheck {
    static func allows(_ header: String?, boundHost: String) -> Bool {
        guard let header, !header.isEmpty else { return true }
        let name = hostName(header).lowercased()
        if name == boundHost.lowercased() || name == "localhost" || name.hasSuffix(".localhost") {
            return true
        }
        return isIPLiteral(name)
    }

    /// `example.org:8000` → `example.org`; `[::1]:8000` → `::1`.
    static func hostName(_ header: String) -> String {
        if header.hasPrefix("["), let close = header.firstIndex(of: "]") {
            return String(header[header.index(after: header.startIndex)..<close])
        }
        if let colon = header.lastIndex(of: ":") { return String(header[..<colon]) }
        return header
    }

    static func isIPLiteral(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4,
            parts.allSatisfy({ part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isNumber) && Int(part)! <= 255
            })
        {
            return true
        }
        return name.contains(":") && name.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
}
