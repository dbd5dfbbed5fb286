/// One briefing entry from `Content/briefings/**/*.md`, typed and validated.
public struct Briefing: Sendable, Equatable {
    /// The article a briefing is derived from.
    public struct Source: Sendable, Hashable {
        public var title: String?
        public var publisher: String?
        public var author: String?
        public var url: String?
    }

    /// A claim reported by the briefing, with who made it and its status.
    public struct Claim: Sendable, Hashable {
        /// Where a claim stands; rendered as a worded badge, not a colour alone.
        public enum Status: String, Sendable, CaseIterable {
            case alleged, confirmed, denied, disputed, retracted
        }

        public var text: String
        public var by: [Located<String>]
        public var status: Status
        public var deniedBy: [Located<String>]
        public var location: SourceLocation
    }

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
    public var draft: Bool
    public var slug: Located<String>
    public var params: ParamValue
    public var body: String
    /// The file line on which the body starts, so Markdown diagnostics point into the file.
    public var bodyFirstLine: Int
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
