/// Levenshtein distance, used for "did you mean …?" hints on unknown keys and names.
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `word` when it is close enough to be a plausible typo
    /// (at most a third of the word's length); ties go to the alphabetically first.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(2, word.unicodeScalars.count / 3)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let distance = between(word, candidate)
            guard distance <= limit else { continue }
            if let current = best,
                current.distance < distance
                    || (current.distance == distance && current.candidate <= candidate)
            {
                continue
            }
            best = (distance, candidate)
        }
        return best?.candidate
    }
}
