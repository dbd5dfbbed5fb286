import Foundation

extension Briefing {
    /// This briefing with the body its file holds, when the body was left there
    /// (`keptBody`): the file is read and parsed again, and its body must hash as the kept one
    /// did. A file edited since the build looked at it fails with an error located at it (the
    /// build stops, and the next one sees the edit).
    func readingBody(siteRoot: String) -> Result<Briefing, Diagnostic> {
        guard let kept = fields.keptBody else { return .success(self) }
        let changed = Diagnostic.error(
            SourceLocation(path: path), "changed while brief was building the site; build again")
        guard let data = FileBytes.read(siteRoot + "/" + path),
            case .success(let source) = SourceText.decode(data, path: path),
            let parsed = EntryParser.parseBriefing(source).0,
            ContentHash(parsed.body).value == kept.hash
        else { return .failure(changed) }
        var fields = self.fields
        fields.body = parsed.body
        fields.keptBody = nil
        return .success(Briefing(fields: fields))
    }
}

extension Briefing {
    /// This briefing with its body left in its file: the hash and length stand for the text.
    func leavingBodyInFile() -> Briefing {
        guard fields.keptBody == nil else { return self }
        var fields = self.fields
        fields.keptBody = KeptBody(hash: bodyHash.value, byteCount: bodyByteCount)
        fields.body = ""
        return Briefing(fields: fields)
    }
}

/// A briefing file's parse as a later build can take it instead of parsing the file again
/// (`ParsedBriefingsCache`): the briefing with its body left in the file, and the file's
/// warnings.
public struct BriefingParse: Sendable {
    var briefing: Briefing
    var diagnostics: [Diagnostic]

    /// The key of the parse of the file at `path` with the bytes of `hash`: a parse holds its
    /// path (in every location, and in a slug taken from the file name).
    static func key(path: String, hash: ContentHash) -> UInt64 {
        var hasher = ContentHasher()
        hasher.combine(path)
        hasher.combine(hash)
        return hasher.finalize().value
    }
}
