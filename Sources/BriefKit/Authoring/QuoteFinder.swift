import Foundation

/// Finds direct quotes (“…” or "…") in article paragraphs and, where the sentence says who
/// spoke ("…," Yoon said; Kim remarked), the speaker resolved through the registry. A shared
/// alias ("Kim") goes to the candidate the article named most recently before the quote.
struct QuoteFinder {
    let directory: ActorDirectory
    let isPerson: [Bool]
    /// People the article names that the registry lacks (`ActorDiscovery`): a speaker written
    /// as a surname or with a title ("Yoon", "President Yoon") resolves to one of them.
    var people: [String] = []

    static let verbs =
        "said|says|remarked|stated|added|told|wrote|noted|warned|declared|insisted|argued|explained|emphasized|emphasised|stressed|voiced|called|described|urged|vowed|claimed|asserted|replied"
    static let name = "[A-Z][\\p{L}’'\\-]+(?:\\s+[A-Z][\\p{L}’'\\-]+)*"
    static let nameThenVerb = try! NSRegularExpression(pattern: "^[\\s,.;:]*(\(name))\\s+(?:\(verbs))\\b")
    static let verbThenName = try! NSRegularExpression(pattern: "^[\\s,.;:]*(?:\(verbs))\\s+(\(name))")
    static let nameBefore = try! NSRegularExpression(pattern: "(\(name))\\s+(?:\(verbs))[\\s,:]*$")
    static let quoted = try! NSRegularExpression(pattern: "“([^”]+)”|\"([^\"]+)\"")
    /// "Yoon emphasized that … “won’t sit idle”", "He further stated that … “cannon fodder”":
    /// a name or pronoun with its verb anywhere earlier in the quote's sentence.
    static let speakerEarlier = try! NSRegularExpression(
        pattern:
            "(\(name)|\\bHe|\\bShe)\\s+(?:[a-z]+ly\\s+|also\\s+|further\\s+|then\\s+)?(?:\(verbs)|calling|denied|dismissed|rejected)\\b"
    )

    /// Quotes in `paragraphs`, which start at byte `baseOffset` of `fullText` joined by newlines.
    func quotes(in paragraphs: [String], fullText: [UInt8], mentions: [MentionMatcher.Match])
        -> [ArticleImporter.FoundQuote]
    {
        var found: [ArticleImporter.FoundQuote] = []
        var offset = fullText.count - paragraphs.reduce(0) { $0 + $1.utf8.count + 1 } + 1
        for paragraph in paragraphs {
            defer { offset += paragraph.utf8.count + 1 }
            var lastSpeaker: String?
            let ns = paragraph as NSString
            for match in Self.quoted.matches(in: paragraph, range: NSRange(location: 0, length: ns.length)) {
                let range =
                    match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
                // A quote cut by its attribution ends in a comma: "…in stages," Yoon said.
                let text = ns.substring(with: range).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
                // Short quoted phrases ("cannon fodder") count; a single word is a scare quote.
                guard text.split(separator: " ").count >= 2 else { continue }
                let before = Self.sentenceBefore(ns.substring(to: match.range.location))
                let after = Self.sentenceAfter(ns.substring(from: match.range.location + match.range.length))
                let quoteOffset = offset + ns.substring(to: match.range.location).utf8.count
                var written = Self.speakerName(before: before, after: after)
                if written == nil {
                    let range = NSRange(location: 0, length: (before as NSString).length)
                    if let match = Self.speakerEarlier.matches(in: before, range: range).last {
                        written = (before as NSString).substring(with: match.range(at: 1))
                    }
                }
                // "He" and "She" are the last speaker the paragraph named.
                if written == "He" || written == "She" { written = lastSpeaker }
                var speaker = written.flatMap {
                    resolve($0, before: quoteOffset, mentions: mentions, text: fullText)
                }
                if speaker == nil {
                    let sentenceStart = quoteOffset - before.utf8.count
                    let sentenceEnd =
                        quoteOffset + ns.substring(with: match.range).utf8.count + after.utf8.count
                    let people = Set(
                        mentions.filter {
                            $0.start >= sentenceStart && $0.end <= sentenceEnd && isPerson[$0.actor]
                                && directory.registered[$0.actor]
                        }.map(\.actor))
                    if people.count == 1 { speaker = directory.names[people.first!] }
                }
                if speaker != nil { lastSpeaker = speaker }
                found.append(ArticleImporter.FoundQuote(text: text, speaker: speaker))
            }
        }
        return Self.keepingEachOnce(found)
    }

    /// Each quoted passage once: a quote that an article repeats, or cuts short and gives in
    /// full elsewhere, is kept in its longest form, in the place of its first appearance, with
    /// the first speaker found for it.
    static func keepingEachOnce(_ quotes: [ArticleImporter.FoundQuote]) -> [ArticleImporter.FoundQuote] {
        func core(_ text: String) -> String {
            text.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:!?…")).lowercased()
        }
        var kept: [ArticleImporter.FoundQuote] = []
        for quote in quotes {
            let text = core(quote.text)
            if let i = kept.firstIndex(where: {
                core($0.text).hasPrefix(text) || text.hasPrefix(core($0.text))
            }) {
                if text.count > core(kept[i].text).count { kept[i].text = quote.text }
                if kept[i].speaker == nil { kept[i].speaker = quote.speaker }
                continue
            }
            kept.append(quote)
        }
        return kept
    }

    static func speakerName(before: String, after: String) -> String? {
        let afterRange = NSRange(location: 0, length: (after as NSString).length)
        for pattern in [nameThenVerb, verbThenName] {
            if let match = pattern.firstMatch(in: after, range: afterRange) {
                return (after as NSString).substring(with: match.range(at: 1))
            }
        }
        let beforeRange = NSRange(location: 0, length: (before as NSString).length)
        if let match = nameBefore.firstMatch(in: before, range: beforeRange) {
            return (before as NSString).substring(with: match.range(at: 1))
        }
        return nil
    }

    /// A written name → the registry's name: a known name inside it ("South Korean President
    /// Yoon Suk Yeol"), else the name or alias itself, a shared alias by the latest mention.
    func resolve(_ written: String, before offset: Int, mentions: [MentionMatcher.Match], text: [UInt8] = [])
        -> String?
    {
        if let inside = directory.matcher.matches(in: Array(written.utf8)).last {
            return directory.names[inside.actor]
        }
        switch directory.registry.match(written) {
        case .found(let id): return directory.names[id]
        case .ambiguous(let ids):
            let latest = mentions.filter { ids.contains($0.actor) && $0.end <= offset }.max {
                $0.start < $1.start
            }
            return latest.map { directory.names[$0.actor] }
        case .unknown: return discoveredPerson(written, before: offset, text: text) ?? written
        }
    }

    /// The one person of `people` a written name stands for: the name with its title and
    /// nationality taken off ("South Korean President Yoon Suk Yeol"), or words of it ("Yoon");
    /// of several ("Kim"), the one the article named last before the quote.
    func discoveredPerson(_ written: String, before offset: Int, text: [UInt8]) -> String? {
        let found = ActorDiscovery(gazetteer: .shared).find(in: [written]).filter { $0.kind == .person }
        let words = Set((found.first?.name ?? written).split(separator: " ").map(String.init))
        let candidates = people.filter { words.isSubset(of: Set($0.split(separator: " ").map(String.init))) }
        if candidates.count <= 1 { return candidates.first }
        func lastMention(_ name: String) -> Int {
            let needle = Array(name.utf8)
            var last = -1
            var i = 0
            while i + needle.count <= min(offset, text.count) {
                if text[i] == needle[0], Array(text[i..<i + needle.count]) == needle { last = i }
                i += 1
            }
            return last
        }
        let best = candidates.map { ($0, lastMention($0)) }.max { $0.1 < $1.1 }!
        return best.1 >= 0 ? best.0 : nil
    }

    static func sentenceBefore(_ text: String) -> String {
        guard let stop = text.range(of: ". ", options: .backwards) else { return text }
        return String(text[stop.upperBound...])
    }

    static func sentenceAfter(_ text: String) -> String {
        guard let stop = text.range(of: ". ") else { return text }
        return String(text[..<stop.upperBound])
    }
}
