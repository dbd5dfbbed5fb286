import Foundation

/// Claims suggested from an article's attributed statements and denials: "X said that …"
/// gives a claim by X; "Y denied …" gives one denied by Y. Every suggestion is `alleged`, for
/// the analyst to check, reword and grade.
struct ClaimSuggestions {
    /// A claim as the draft lists it.
    struct Suggestion: Sendable, Equatable {
        var text: String
        var by: [String]
        var deniedBy: [String]
    }

    /// Turns a written name into the name the draft lists (the registry's, or the discovered one).
    let name: (String) -> [String]

    static let said = try! NSRegularExpression(
        pattern:
            "^(.{3,120}?)\\s+(?:has |have |had )?(?:also )?(?:said|says|told [a-z ]+?|informed [a-z ]+?|stated|reported|revealed|announced|confirmed|claimed|warned)\\s+that\\s+(.+)$"
    )
    static let according = try! NSRegularExpression(pattern: "^[Aa]ccording to ([^,]{3,80}),\\s+(.+)$")
    static let denied = try! NSRegularExpression(
        pattern:
            "^(.{3,120}?)\\s+(?:have |has |had )?(?:both )?(?:denied|deny|denies|rejected|dismissed)\\s+(.+)$"
    )

    /// The suggestions for `paragraphs`, in their order, at most `limit`.
    func suggestions(in paragraphs: [String], limit: Int = 6) -> [Suggestion] {
        var found: [Suggestion] = []
        for paragraph in paragraphs {
            for sentence in Sentences.split(paragraph) {
                guard found.count < limit, let suggestion = suggestion(for: sentence) else { continue }
                if !found.contains(where: { $0.text == suggestion.text }) { found.append(suggestion) }
            }
        }
        return found
    }

    func suggestion(for sentence: String) -> Suggestion? {
        let text = sentence.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        let range = NSRange(location: 0, length: (text as NSString).length)
        func group(_ match: NSTextCheckingResult, _ n: Int) -> String {
            (text as NSString).substring(with: match.range(at: n))
        }
        if let match = Self.denied.firstMatch(in: text, range: range) {
            let deniers = name(group(match, 1))
            guard !deniers.isEmpty else { return nil }
            return Suggestion(text: Self.clause(group(match, 2)), by: [], deniedBy: deniers)
        }
        // Reported speech; a sentence that quotes is a quote, kept as one.
        guard !text.contains("“"), !text.contains("\"") else { return nil }
        for pattern in [Self.said, Self.according] {
            guard let match = pattern.firstMatch(in: text, range: range) else { continue }
            let claimants = name(group(match, 1))
            guard !claimants.isEmpty else { continue }
            return Suggestion(text: Self.clause(group(match, 2)), by: claimants, deniedBy: [])
        }
        return nil
    }

    /// The claim's own clause: up to a comma that starts an aside ("…, further escalating"),
    /// with a capital first letter.
    static func clause(_ text: String) -> String {
        var clause = text
        for marker in [
            ", but ", ", while ", ", which ", ", as ", ", further ", ", signaling ", ", signalling ",
        ] {
            if let cut = clause.range(of: marker) { clause = String(clause[..<cut.lowerBound]) }
        }
        if let comma = clause.range(of: ", "),
            clause[comma.upperBound...].split(separator: " ").first?.hasSuffix("ing") == true
        {
            clause = String(clause[..<comma.lowerBound])
        }
        clause = clause.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:"))
        if clause.lowercased().hasPrefix("that ") { clause = String(clause.dropFirst(5)) }
        return clause.prefix(1).uppercased() + clause.dropFirst()
    }
}
