/// One briefing entry from `Content/briefings/**/*.md`, typed and validated.
public struct Briefing: Sendable, Equatable {
    /// The article a briefing is derived from.
    public struct Source: Sendable, Hashable {
        public var title: String?
        public var publisher: String?
        /// Where `publisher` is written, for the warning about an unregistered source.
        public var publisherLocation: SourceLocation?
        public var author: String?
        /// Who edited the article, when it names an editor rather than (or beside) an author.
        public var editor: String?
        public var url: String?
    }

    /// A claim reported by the briefing, with who made it and its status. A claim with an `id`
    /// is one claim across briefings: a later briefing lists the `id` (and needs no text) to add
    /// a step to its history.
    public struct Claim: Sendable, Hashable {
        /// Where a claim stands; rendered as a worded badge, not a colour alone.
        public enum Status: String, Sendable, CaseIterable {
            case alleged, confirmed, denied, disputed, retracted
        }

        /// The claim's text; a later step of a tracked claim may leave it out.
        public var text: String?
        /// Makes the claim trackable across briefings; also its URL segment under `/claims/`.
        public var id: Located<String>?
        public var by: [Located<String>]
        /// Nil when not written: a new claim is alleged, a later step keeps the last status.
        public var status: Status?
        public var deniedBy: [Located<String>]
        /// A registered source's name or alias; default the briefing's `source.publisher`.
        public var source: Located<String>?
        /// Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
        public var credibility: Int?
        public var note: String?
        public var location: SourceLocation

        public init(
            text: String?, id: Located<String>? = nil, by: [Located<String>], status: Status?,
            deniedBy: [Located<String>], source: Located<String>? = nil, credibility: Int? = nil,
            note: String? = nil, location: SourceLocation
        ) {
            self.text = text
            self.id = id
            self.by = by
            self.status = status
            self.deniedBy = deniedBy
            self.source = source
            self.credibility = credibility
            self.note = note
            self.location = location
        }
    }

    /// Every field of a briefing, held by `Briefing` in one immutable object.
    public struct Fields: Sendable, Equatable {
        public var path: String
        public var title: String
        public var date: EntryDate
        public var updated: EntryDate?
        public var author: String?
        public var summary: String?
        public var actors: [Located<String>]
        public var topics: [Located<String>]
        public var source: Source?
        public var claims: [Claim]
        public var judgements: [Judgement] = []
        public var updates: [Update] = []
        public var watch: [Indicator] = []
        public var image: Image? = nil
        public var draft: Bool
        public var slug: Located<String>
        public var params: ParamValue
        public var body: String
        /// The file line on which the body starts, so Markdown diagnostics point into the file.
        public var bodyFirstLine: Int
        /// Set when the body was left in its file (`ParsedBriefingsCache`): `body` is then
        /// empty, and `readingBody(siteRoot:)` reads it.
        public var keptBody: KeptBody? = nil
    }

    /// What is known of a body left in its file: the hash and the UTF-8 length of the text.
    public struct KeptBody: Sendable, Equatable {
        public var hash: UInt64
        public var byteCount: Int
    }

    /// The fields live in one object, so copying a briefing (every stage passes them by value)
    /// is one retain instead of one per field; setting a field makes a new object.
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    public init(
        path: String, title: String, date: EntryDate, updated: EntryDate?, author: String?, summary: String?,
        actors: [Located<String>], topics: [Located<String>], source: Source?, claims: [Claim], draft: Bool,
        slug: Located<String>, params: ParamValue, body: String, bodyFirstLine: Int
    ) {
        storage = Storage(
            Fields(
                path: path, title: title, date: date, updated: updated, author: author, summary: summary,
                actors: actors, topics: topics, source: source, claims: claims, draft: draft, slug: slug,
                params: params, body: body, bodyFirstLine: bodyFirstLine))
    }

    /// A briefing of these fields.
    init(fields: Fields) {
        storage = Storage(fields)
    }

    /// All fields at once.
    public var fields: Fields {
        get { storage.fields }
        set { storage = Storage(newValue) }
    }

    public static func == (a: Briefing, b: Briefing) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    public var path: String { storage.fields.path }
    public var title: String { storage.fields.title }
    public var date: EntryDate { storage.fields.date }
    public var updated: EntryDate? { storage.fields.updated }
    public var author: String? { storage.fields.author }
    public var summary: String? { storage.fields.summary }
    public var actors: [Located<String>] { storage.fields.actors }
    public var topics: [Located<String>] { storage.fields.topics }
    public var source: Source? { storage.fields.source }
    public var claims: [Claim] { storage.fields.claims }
    public var draft: Bool { storage.fields.draft }
    public var slug: Located<String> { storage.fields.slug }
    public var params: ParamValue { storage.fields.params }
    public var body: String { storage.fields.body }
    /// The file line on which the body starts, so Markdown diagnostics point into the file.
    public var bodyFirstLine: Int { storage.fields.bodyFirstLine }
    // Each field is read where it is stored: `fields` would copy all of them.
    public var judgements: [Judgement] { storage.fields.judgements }
    public var updates: [Update] { storage.fields.updates }
    public var watch: [Indicator] { storage.fields.watch }
    public var image: Image? { storage.fields.image }

    /// The hash of the body's Markdown, also when the body was left in its file.
    public var bodyHash: ContentHash {
        storage.fields.keptBody.map { ContentHash(value: $0.hash) } ?? ContentHash(storage.fields.body)
    }

    /// The length of the body's Markdown in bytes, also when the body was left in its file.
    public var bodyByteCount: Int { storage.fields.keptBody?.byteCount ?? storage.fields.body.utf8.count }

    /// The same briefing without its Markdown body (once rendered, the body is not needed).
    /// One without a body already (left in its file) is itself: a build that took it from the
    /// parse cache then holds its fields once.
    public func droppingBody() -> Briefing {
        if storage.fields.body.isEmpty { return self }
        var copy = self
        copy.fields.body = ""
        return copy
    }
}

/// A person, country, organisation or group from `Content/actors/*.md`.
public struct Actor: Sendable {
    /// What an actor is; the actor index groups by it.
    public enum Kind: String, Sendable, CaseIterable {
        case person, country, organization, group
    }

    public var path: String
    public var name: String
    public var kind: Kind?
    public var aliases: [Located<String>]
    public var role: String?
    public var affiliation: Located<String>?
    public var slug: Located<String>
    public var params: ParamValue
    public var body: String
    public var bodyFirstLine: Int
}

/// A topic from `Content/topics/*.md`.
public struct Topic: Sendable {
    public var path: String
    public var name: String
    public var aliases: [Located<String>]
    public var summary: String?
    public var slug: Located<String>
    public var params: ParamValue
    public var body: String
    public var bodyFirstLine: Int
}

/// A static page from `Content/pages/*.md`, served at `/<slug>/`.
public struct StaticPage: Sendable {
    public var path: String
    public var title: String
    public var description: String?
    public var slug: Located<String>
    public var params: ParamValue
    public var body: String
    public var bodyFirstLine: Int
}
