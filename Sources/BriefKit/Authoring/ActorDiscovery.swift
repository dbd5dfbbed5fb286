import Foundation

/// The countries of `Data/gazetteer.tsv` and the words that stand for them ("North Korean"
/// → North Korea).
struct Gazetteer: Sendable {
    /// Every name and demonym, as written, → the country.
    let country: [String: String]
    /// The most words any of them has.
    let longest: Int

    init(text: String) {
        var country: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard let name = fields.first, !name.isEmpty else { continue }
            country[name] = name
            for word in (fields.count > 1 ? fields[1] : "").split(separator: ",") {
                country[word.trimmingCharacters(in: .whitespaces)] = name
            }
        }
        self.country = country
        longest = country.keys.map { $0.split(separator: " ").count }.max() ?? 1
    }

    static let shared = Gazetteer(text: EmbeddedGazetteer.text)
}

/// People, countries and organisations an article names, whether the registry knows them or
/// not: capitalised runs of words, with countries and their demonyms read through the
/// gazetteer ("North Korean troops" names North Korea), titles taken off names and kept as
/// roles ("South Korean President Yoon Suk Yeol" is Yoon Suk Yeol, President of South Korea),
/// acronyms in brackets kept as aliases ("National Intelligence Service (NIS)").
struct ActorDiscovery {
    /// A name the article gives, with what the text says of it.
    struct Found: Sendable, Equatable {
        var name: String
        var kind: Actor.Kind
        var role: String?
        var aliases: [String]
        var count: Int
    }

    let gazetteer: Gazetteer

    static let titles = [
        "Prime Minister", "Defence Minister", "Defense Minister", "Foreign Minister", "Interior Minister",
        "Deputy Minister", "Vice President", "Secretary of State", "Secretary-General", "Secretary General",
        "Minister", "President", "Chancellor", "General", "Gen.", "Secretary", "Spokesperson", "Spokesman",
        "Spokeswoman", "Ambassador", "Leader", "Chairman", "Senator", "Governor", "Mayor", "King", "Queen",
        "Director", "Commander", "Admiral", "Colonel", "Chief",
    ].map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }

    static let organizationWords: Set<String> = [
        "Service", "Ministry", "Agency", "Council", "Assembly", "Command", "Organization", "Organisation",
        "Office", "Committee", "Party", "Union", "Institute", "Bureau", "Directorate", "Army", "Navy",
        "Forces", "Parliament", "Congress", "Senate", "Government", "Department", "Bank", "Fund", "Alliance",
        "Corporation", "Company", "Group", "University", "Court", "Commission", "Federation", "Guard",
        "Police",
    ]

    /// Words that make a run a place rather than an actor ("Korean Peninsula", "Black Sea").
    static let placeWords: Set<String> = [
        "Peninsula", "Sea", "Strait", "River", "Region", "Island", "Islands", "Mountains", "Gulf", "Ocean",
        "Bay", "Province", "Oblast", "Valley", "Desert", "Street", "Square", "Airport", "Port", "Coast",
    ]

    /// Words that begin sentences rather than names.
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

    /// Words that begin sentences or name days, months and groups rather than actors.
    static let notNames: Set<String> = stopwords.union([
        "According", "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Today", "Yesterday", "Tomorrow", "Earlier", "Later", "Some",
        "Many", "Other", "Such", "Their", "His", "Her", "Its", "Our", "Your", "There", "Here", "Last", "Next",
        "Mr", "Mrs", "Ms", "Dr", "Speaking",
    ])

    /// The actors `paragraphs` name, most mentioned first (then by name).
    func find(in paragraphs: [String]) -> [Found] {
        var found: [String: Found] = [:]
        var order: [String] = []
        func add(_ name: String, _ kind: Actor.Kind, role: String? = nil, alias: String? = nil) {
            if found[name] == nil {
                found[name] = Found(name: name, kind: kind, role: role, aliases: [], count: 0)
                order.append(name)
            }
            found[name]!.count += 1
            if found[name]!.role == nil { found[name]!.role = role }
            if let alias, !found[name]!.aliases.contains(alias) { found[name]!.aliases.append(alias) }
        }
        for paragraph in paragraphs {
            for sentence in Sentences.split(paragraph) {
                for run in Self.runs(in: sentence) {
                    read(run.words, acronym: run.acronym, add: add)
                }
            }
        }
        // A name that is another's alias ("NIS" of "National Intelligence Service") is that actor.
        for name in order {
            guard let alias = found[name],
                let owner = order.first(where: { found[$0]?.aliases.contains(name) == true })
            else { continue }
            found[owner]!.count += alias.count
            found[name] = nil
        }
        return order.compactMap { found[$0] }.sorted { a, b in
            a.count != b.count ? a.count > b.count : a.name < b.name
        }
    }

    /// A run of capitalised words and the acronym in brackets right after it, if any.
    struct Run {
        var words: [String]
        var acronym: String?
    }

    /// The capitalised runs of a sentence. "of", "for" and "and" join capitalised words
    /// ("Ministry of Defence"); hyphens between capitals split ("Russia-North Korea").
    static func runs(in sentence: String) -> [Run] {
        var runs: [Run] = []
        var current: [String] = []
        var pendingJoiner: String?
        func flush() {
            if !current.isEmpty { runs.append(Run(words: current, acronym: nil)) }
            current = []
            pendingJoiner = nil
        }
        let tokens = sentence.split(separator: " ").map(String.init)
        var inBrackets = false
        for raw in tokens {
            // Words in brackets are credits and asides ("(Example Wire)"), except an acronym.
            if inBrackets {
                if raw.contains(")") { inBrackets = false }
                continue
            }
            if raw.hasPrefix("("), raw.count > 2 {
                let inner = raw.trimmingCharacters(in: CharacterSet(charactersIn: "()[],.;:"))
                if raw.contains(")"), inner.count >= 2, inner.count <= 6,
                    inner.allSatisfy({ $0.isUppercase || $0 == "." })
                {
                    flush()
                    if !runs.isEmpty, runs[runs.count - 1].acronym == nil {
                        runs[runs.count - 1].acronym = inner
                    }
                    continue
                }
            }
            if raw.hasPrefix("(") {
                flush()
                inBrackets = !raw.contains(")")
                continue
            }
            var word = raw.trimmingCharacters(in: CharacterSet(charactersIn: "“”\"‘’'()[],.;:!?"))
            if raw.hasSuffix(".") && ["Gen.", "U.S.", "U.K."].contains(raw) { word = raw }
            for suffix in ["’s", "'s"] where word.hasSuffix(suffix) { word = String(word.dropLast(2)) }
            let endsHere = word != raw.trimmingCharacters(in: CharacterSet(charactersIn: "“”\"‘’'("))
            let parts = word.split(separator: "-").map(String.init)
            if parts.count > 1, parts.allSatisfy({ $0.first?.isUppercase == true }) {
                // "Russia-North Korea": two names.
                flush()
                for (n, part) in parts.enumerated() {
                    current.append(part)
                    if n < parts.count - 1 { flush() }
                }
                if endsHere { flush() }
                continue
            }
            if ["of", "for", "and"].contains(word), !current.isEmpty, pendingJoiner == nil {
                pendingJoiner = word
                continue
            }
            guard let first = word.first, first.isUppercase, word.count > 1 else {
                flush()
                continue
            }
            if let joiner = pendingJoiner {
                current.append(joiner)
                pendingJoiner = nil
            }
            current.append(word)
            if endsHere { flush() }
        }
        flush()
        return runs
    }

    /// Reads one run: countries and demonyms, then titled people, organisations and names.
    private func read(
        _ words: [String], acronym: String?, add: (String, Actor.Kind, String?, String?) -> Void
    ) {
        var words = words
        while let first = words.first, Self.notNames.contains(first) { words.removeFirst() }
        // A trailing joiner belongs to no name.
        while let last = words.last, ["of", "for", "and"].contains(last) { words.removeLast() }
        guard !words.isEmpty, !words.contains(where: Self.placeWords.contains) else { return }
        // An acronym alone ("NATO", "NIS") names an organisation.
        if words.count == 1, Self.isAcronym(words[0]), gazetteer.country[words[0]] == nil {
            add(words[0], .organization, nil, nil)
            return
        }
        let isOrganization = words.contains { Self.organizationWords.contains($0) } && words.count >= 2
        if isOrganization {
            // "South Korean National Intelligence Service": the organisation is its own name.
            var start = 0
            // …but "Finnish Border Guard" keeps its nationality: two words alone are too generic.
            if let (_, length) = country(at: 0, in: words), words.count - length >= 3 {
                start = length
            }
            let name = words[start...].joined(separator: " ")
            if words.count - start >= 2 { add(name, .organization, nil, acronym) }
            return
        }
        var i = 0
        // The country or organisation a title belongs to ("South Korean President", "NATO
        // Secretary General").
        var lastCountry: String?
        while i < words.count {
            if let (country, length) = country(at: i, in: words) {
                add(country, .country, nil, nil)
                lastCountry = country
                i += length
                continue
            }
            if let title = Self.titles.first(where: { matches($0, words, at: i) }) {
                let rest = words[(i + title.count)...].prefix { !["of", "for", "and"].contains($0) }
                let name = Array(rest.prefix(4))
                if name.count >= 2 {
                    let role = title.joined(separator: " ") + (lastCountry.map { " of \($0)" } ?? "")
                    add(name.joined(separator: " "), .person, role, nil)
                    i += title.count + name.count
                    continue
                }
                i += title.count
                continue
            }
            // The rest up to the next country or title: a name of two to four words.
            var end = i
            while end < words.count, country(at: end, in: words) == nil,
                !Self.titles.contains(where: { matches($0, words, at: end) }),
                !["of", "for", "and"].contains(words[end])
            {
                end += 1
            }
            let name = Array(words[i..<end])
            if name.count == 1, Self.isAcronym(name[0]) {
                add(name[0], .organization, nil, nil)
                lastCountry = name[0]
            } else if name.count >= 2, name.count <= 4, name.allSatisfy({ !Self.notNames.contains($0) }) {
                add(name.joined(separator: " "), .person, nil, acronym)
            }
            i = max(end, i + 1)
        }
    }

    static func isAcronym(_ word: String) -> Bool {
        word.count >= 3 && word.count <= 6 && word.allSatisfy(\.isUppercase)
    }

    /// The country a gazetteer phrase at `i` stands for, and how many words it takes.
    private func country(at i: Int, in words: [String]) -> (String, Int)? {
        for length in stride(from: min(gazetteer.longest, words.count - i), through: 1, by: -1) {
            if let country = gazetteer.country[words[i..<i + length].joined(separator: " ")] {
                return (country, length)
            }
        }
        return nil
    }

    private func matches(_ phrase: [String], _ words: [String], at i: Int) -> Bool {
        i + phrase.count <= words.count && phrase.indices.allSatisfy { phrase[$0] == words[i + $0] }
    }
}
