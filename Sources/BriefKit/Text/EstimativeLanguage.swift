/// Finds estimative words in a key judgement's text. ICD 203 keeps likelihood and confidence
/// apart, and one likelihood to a judgement: a text that says "probably" while its likelihood
/// is "unlikely", or speaks of "high confidence", mixes them.
enum EstimativeLanguage {
    typealias Likelihood = Briefing.Judgement.Likelihood

    /// Every term of likelihood, as words, with the likelihood it states; longest first.
    private static let terms: [(words: [Substring], likelihood: Likelihood)] = {
        var all = Likelihood.allCases.map { ($0.rawValue, $0) }
        all += Likelihood.synonyms.map { ($0.key, $0.value) }
        return all.map { ($0.0.split(separator: " "), $0.1) }.sorted { $0.words.count > $1.words.count }
    }()

    /// The warnings for `text` given its judgement's own `likelihood` (nil when unknown).
    static func problems(in text: String, likelihood: Likelihood?) -> [String] {
        let words = text.lowercased().split { !$0.isLetter }
        var found: [String] = []
        var i = 0
        while i < words.count {
            if let term = terms.first(where: { matches($0.words, words, at: i) }) {
                let phrase = term.words.joined(separator: " ")
                if let likelihood, term.likelihood != likelihood {
                    found.append(
                        "the judgement's text says '\(phrase)', another likelihood than its own ('\(likelihood.rawValue)'); ICD 203 gives a judgement one likelihood: keep it in 'likelihood:'"
                    )
                }
                i += term.words.count
                continue
            }
            if words[i] == "confidence" || words[i] == "confident" {
                let before =
                    i > 0 && ["low", "moderate", "high"].contains(words[i - 1]) ? "\(words[i - 1]) " : ""
                found.append(
                    "the judgement's text speaks of '\(before)\(words[i])'; ICD 203 keeps confidence apart from likelihood: give it in 'confidence:'"
                )
            }
            i += 1
        }
        // One warning per distinct problem.
        var seen = Set<String>()
        return found.filter { seen.insert($0).inserted }
    }

    private static func matches(_ term: [Substring], _ words: [Substring], at i: Int) -> Bool {
        guard i + term.count <= words.count else { return false }
        return term.indices.allSatisfy { term[$0] == words[i + $0] }
    }
}
