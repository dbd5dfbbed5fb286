import BriefTemplates
import Foundation

/// For each page the last builds rendered: a fingerprint of what it was rendered from (brief,
/// the theme, its template and its context; for an actor's or topic's feed, the pieces it is
/// written from: `SiteRenderer.feedFingerprint`) and the hash of the bytes that made, kept in the
/// build cache beside the kept bodies (`<record>.bodies/pages`). Rendering is a function of
/// those inputs, so a page whose fingerprint is the one kept, over an output file whose hash
/// is the one kept beside it, would be rendered to the bytes the folder already holds: it is
/// not rendered again. The file is the header, the pages' path hashes, fingerprints and output
/// hashes (8 bytes each, this machine's byte order), then a hash of those bytes.
struct PageFingerprints: Sendable {
    /// The file.
    let path: String

    /// What is kept of one page.
    struct Page: Sendable, Equatable {
        var fingerprint: UInt64
        var output: UInt64
    }

    private static let header = Array("brief-pages 1\n".utf8)

    /// The seed of every fingerprint: brief itself and every template and partial of `theme`.
    static func seed(theme: Theme) -> UInt64 {
        var hasher = ContentHasher()
        hasher.combine(BriefVersion.identity)
        for name in theme.sources.keys.sorted() {
            hasher.combine(name)
            hasher.combine(theme.sources[name]!)
        }
        return hasher.finalize().value
    }

    /// How strings are hashed in a context's fingerprint.
    static func text(_ string: String) -> UInt64 { ContentHash(string).value }

    /// The key of an output path in the file.
    static func key(ofPath path: String) -> UInt64 { ContentHash(path).value }

    /// The pages kept, by `key(ofPath:)`; empty when none can be trusted.
    func load() -> [UInt64: Page] {
        guard StateFolder.kind(path) == .file, let data = FileManager.default.contents(atPath: path) else {
            return [:]
        }
        return data.withUnsafeBytes { raw -> [UInt64: Page] in
            let start = Self.header.count
            guard raw.count >= start + 8, raw.starts(with: Self.header), (raw.count - start - 8) % 24 == 0
            else { return [:] }
            let content = UnsafeRawBufferPointer(rebasing: raw[start..<(raw.count - 8)])
            guard
                raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)
                    == ContentHash(content).value
            else { return [:] }
            var pages: [UInt64: Page] = [:]
            pages.reserveCapacity(content.count / 24)
            for offset in stride(from: 0, to: content.count, by: 24) {
                let key = content.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                pages[key] = Page(
                    fingerprint: content.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self),
                    output: content.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            }
            return pages
        }
    }

    /// Keeps `pages` (replacing the file whole); a cache that cannot be written only costs the
    /// next build time.
    func save(_ pages: [UInt64: Page]) {
        guard StateFolder.prepare((path as NSString).deletingLastPathComponent) == nil else { return }
        var words: [UInt64] = []
        words.reserveCapacity(pages.count * 3)
        for key in pages.keys.sorted() {
            words += [key, pages[key]!.fingerprint, pages[key]!.output]
        }
        var bytes = Self.header
        words.withUnsafeBytes { content in
            bytes.append(contentsOf: content)
            withUnsafeBytes(of: ContentHash(content).value) { bytes.append(contentsOf: $0) }
        }
        try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
