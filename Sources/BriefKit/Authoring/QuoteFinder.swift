import Foundation

/// Finds direct quotes (“…” or "…") in article paragraphs and, where the sentence says who
/// spoke ("…," Yoon said; Kim remarked), the speaker resolved through the registry. A shared
/// alias ("Kim") goes to the candidate the article named most recently before the quote.
struct QuoteFinder {
    let directory: ActorDirectory
    let isPerson: [Bool]

    static let verbs =
        "said|says|remarked|stated|added|told|wrote|noted|warned|declared|insisted|argued|explained"
    static let name = "[A-Z][\\p{L}’'\\-]+(?:\\s+[A-Z][\\p{L}’'\\-]+)*"
    static let nameThenVerb = try! NSRegularExpression(pattern: "^[\\s,.;:]*(\(name))\\s+(?:\(verbs))\\b")
    static let verbThenName = try! NSRegularExpression(pattern: "^[\\s,.;:]*(?:\(verbs))\\s+(\(name))")
    static let nameBefore = try! NSRegularExpression(pattern: "(\(name))\\s+(?:\(verbs))[\\s,:]*$")
    static let quoted = try! NSRegularExpression(pattern: "“([^”]+)”|\"([^\"]+)\"")

    /// Quotes in `paragraphs`, which start at byte `baseOffset` of `fullText` joined by newlines.
    func quotes(in paragraphs: [String], fullText: [UInt8], mentions: [MentionMatcher.Match])
        -> [ArticleImporter.FoundQuote]
    {
        var found: [ArticleImporter.FoundQuote] = []
        var offset = fullText.count - paragraphs.reduce(0) { $0 + $1.utf8.count + 1 } + 1
        for paragraph in paragraphs {
            defer { offset += paragraph.utf8.count + 1 }
            let ns = paragraph as NSString
            for match in Self.quoted.matches(in: paragraph, range: NSRange(location: 0, length: ns.length)) {
                let range =
                    match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
                // A quote cut by its attribution ends in a comma: "…in stages," Yoon said.
                let text = ns.substring(with: range).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
                guard text.split(separator: " ").count >= 3 else { continue }
                let before = Self.sentenceBefore(ns.substring(to: match.range.location))
                let after = Self.sentenceAfter(ns.substring(from: match.range.location + match.range.length))
                let quoteOffset = offset + ns.substring(to: match.range.location).utf8.count
                var speaker = Self.speakerName(before: before, after: after).flatMap {
                    resolve($0, before: quoteOffset, mentions: mentions)
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
                found.append(ArticleImporter.FoundQuote(text: text, speaker: speaker))
            }
        }
        return found
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
    func resolve(_ written: String, before offset: Int, mentions: [MentionMatcher.Match]) -> String? {
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
        case .unknown: return written
        }
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

/// Capitalised multi-word names in the article that no registry entry matches: suggestions
/// for new actor files.
enum CandidateNames {
    static let stopwords: Set<String> = [
        "The", "A", "An", "Both", "While", "During", "Although", "This", "That", "These", "Those", "It", "He",
        "She",
        "They", "We", "In", "On", "At", "As", "If", "But", "And", "Or", "So", "Yet", "For", "With", "By",
        "From",
        "After", "Before", "Since", "Until", "When", "Where", "Why", "How", "What", "Who", "Experts",
        "Analysts",
        "Officials", "Meanwhile", "However", "Thursday", "Monday", "Tuesday", "Wednesday", "Friday",
        "Saturday",
        "Sunday",
    ]

    static func find(in paragraphs: [String], knownBy directory: ActorDirectory, limit: Int = 8) -> [(
        name: String, count: Int
    )] {
        var counts: [String: Int] = [:]
        for paragraph in paragraphs {
            for sentence in Sentences.split(paragraph) {
                var run: [String] = []
                func flush() {
                    while let first = run.first, stopwords.contains(first) { run.removeFirst() }
                    dropLeadingDemonym(&run, knownBy: directory)
                    if run.count >= 2 {
                        let name = run.joined(separator: " ")
                        if directory.matcher.matches(in: Array(name.utf8)).isEmpty {
                            counts[name, default: 0] += 1
                        }
                    }
                    run = []
                }
                for raw in sentence.split(separator: " ") {
                    let trimmed = raw.trimmingCharacters(in: CharacterSet(charactersIn: "“”\"‘(),.;:!?"))
                    var word = trimmed
                    for suffix in ["’s", "'s"] where word.hasSuffix(suffix) {
                        word = String(word.dropLast(2))
                    }
                    guard let first = word.first, first.isUppercase, word.count > 1 || first.isLetter else {
                        flush()
                        continue
                    }
                    run.append(word)
                    if word != trimmed || trimmed.count != raw.count { flush() }
                }
                flush()
            }
        }
        return counts.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.prefix(limit)
            .map { (name: $0.key, count: $0.value) }
    }

    /// "North Korean(s)", "Russian", "Polish" are adjectives of known actors, not new names:
    /// a leading run of words that, minus such an ending, is a known name is dropped.
    static func dropLeadingDemonym(_ run: inout [String], knownBy directory: ActorDirectory) {
        for length in stride(from: min(3, run.count), through: 1, by: -1) {
            let phrase = run[..<length].joined(separator: " ")
            for ending in ["ans", "an", "ns", "n", "ese", "ish", "ian", "ians"] where phrase.hasSuffix(ending)
            {
                let stem = Array(phrase.dropLast(ending.count).utf8)
                for candidate in [stem, stem + Array("a".utf8)] {
                    let matches = directory.matcher.matches(in: candidate)
                    if matches.count == 1, matches[0].start == 0, matches[0].end == candidate.count {
                        run.removeFirst(length)
                        return
                    }
                }
            }
        }
    }
}
